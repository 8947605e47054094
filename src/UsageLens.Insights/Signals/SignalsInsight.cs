using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Signals;

/// <summary>
/// Buying and expansion signals, ranked: fast usage growth, seats near the limit, new features
/// adopted and more active users (<see cref="BuyingSignalRules"/>), each with the evidence.
/// </summary>
internal sealed class SignalsInsight : IInsight
{
    public const string Name = "signals";
    private static readonly string[] s_kinds = ["usage-growth", "seats-near-limit", "new-features", "new-users"];

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("growth", "usage growth, last 30 days over the 30 before, from which it is fast (0.01–100, default 0.3)"),
        new("near", "share of licensed seats active from which seats are near the limit (0.01–10, default 0.8)"),
        new("user-growth", "growth of active users, last 30 days over the 30 before (0.01–100, default 0.3)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var settings = new SignalSettings(request.NumberOption("growth", 0.3, 0.01, 100), request.NumberOption("near", 0.8, 0.01, 10), request.NumberOption("user-growth", 0.3, 0.01, 100));
        var facts = await AccountFactsReader.ReadAsync(request, context, Name, cancellationToken).ConfigureAwait(false);
        var recentFrom = request.AsOf.AddDays(-UsageWindows.WindowDays);
        var before = await ActiveUsersReader.ReadAsync(request, context, recentFrom.AddDays(-UsageWindows.WindowDays), recentFrom, cancellationToken).ConfigureAwait(false);
        var findings = facts.Accounts
            .Select(a => (Account: a, Signals: new[]
            {
                BuyingSignalRules.UsageGrowth(a, facts, request.Metric, settings),
                BuyingSignalRules.SeatsNearLimit(a, facts, settings),
                BuyingSignalRules.NewFeatures(a, facts),
                BuyingSignalRules.NewUsers(a, facts.ActiveUsers.GetValueOrDefault(a), before.GetValueOrDefault(a), settings),
            }.OfType<BuyingSignal>().ToList()))
            .Where(a => a.Signals.Count > 0)
            .Select(a => Finding(a.Account, a.Signals))
            .OrderByDescending(f => f.Score).ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        return new InsightResult(Name, request.AsOf, Method(settings), Summary(findings))
        {
            Figures =
            [
                InsightValue.Of("accounts", facts.Accounts.Count),
                InsightValue.Of("with_signals", findings.Count),
                .. s_kinds.Select(k => InsightValue.Of(k.Replace('-', '_'), findings.Count(f => f.Values.Single(v => v.Name == k.Replace('-', '_')).Number is not null))),
                InsightValue.Of("growth", settings.Growth),
                InsightValue.Of("near", settings.Near),
                InsightValue.Of("user_growth", settings.UserGrowth),
            ],
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    private static InsightFinding Finding(string account, List<BuyingSignal> signals)
    {
        var score = StableRounding.Round(signals.Sum(s => s.Strength), 1);
        var strongest = signals.OrderByDescending(s => StableRounding.Round(s.Strength, 1)).First();
        return new InsightFinding(account, strongest.Kind, score, $"signal score {HealthRules.N(score)}: {string.Join("; ", signals.Select(s => $"{s.Why} → {HealthRules.N(s.Strength)}"))}")
        {
            Values = [.. s_kinds.Select(k => InsightValue.Of(k.Replace('-', '_'), signals.FirstOrDefault(s => s.Kind == k) is { } s ? StableRounding.Round(s.Strength, 1) : null))],
        };
    }

    private static string Method(SignalSettings settings) =>
        "Over the 30 days before as-of against the 30 before, for every account in view: " +
        $"usage-growth, the mean of each meter's ratio (or --metric's) minus 1 from +{HealthRules.N(settings.Growth * 100)}%; " +
        $"seats-near-limit, distinct active users from {HealthRules.N(settings.Near * 100)}% of licensed seats; " +
        "new-features, meters used now and not before by an account that used something before (25 each, at most 50); " +
        $"new-users, distinct active users up by at least {HealthRules.N(settings.UserGrowth * 100)}%. " +
        "Strength 50 at a threshold rising to 100 at twice it (seats: at the threshold + 40 points). Score: the sum; the kind is the strongest.";

    private static string Summary(List<InsightFinding> findings) =>
        findings.Count == 0
            ? "No account shows a buying signal."
            : $"{findings.Count} accounts show buying signals ({string.Join(", ", findings.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))}); the first is {findings[0].Subject}: {findings[0].Why}.";
}
