using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Upsell;

/// <summary>
/// Accounts to offer more, ranked: near or over the units their rate plan includes or their licensed
/// seats, growing fast, or missing a feature most of their segment uses (<see cref="UpsellRules"/>).
/// </summary>
internal sealed class UpsellInsight : IInsight
{
    public const string Name = "upsell";
    private static readonly string[] s_kinds = ["plan-limit", "seats", "growth", "peer-adoption"];

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("near", "share of included units or licensed seats from which a limit is near (default 0.8)"),
        new("growth", "usage growth, last 30 days over the 30 before, from which growth is fast (default 0.3 = +30%)"),
        new("peer-share", "share of the segment's other active accounts using a feature for it to be suggested (default 0.6)"),
        new("min-peers", "fewest other active accounts in the segment for peer adoption (default 5)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var settings = new UpsellSettings(
            request.NumberOption("near", 0.8, 0.01, 10),
            request.NumberOption("growth", 0.3, 0.01, 100),
            request.NumberOption("peer-share", 0.6, 0.01, 1),
            request.IntOption("min-peers", 5, 1, 100_000));
        var usage = await UsageWindowsReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        var seats = await HealthSignalsReader.SeatsAsync(request, context, cancellationToken).ConfigureAwait(false);
        var priced = context.Configuration.RatePlans.Count > 0;
        var plans = priced ? await PlanUsageAsync(request, context, cancellationToken).ConfigureAwait(false) : [];
        var accounts = usage.Usage.Keys.Concat(seats.Keys).Concat(plans.Keys).Distinct(StringComparer.Ordinal);
        var findings = accounts
            .Select(a => (Account: a, Signals: Signals(a, usage, seats, plans, request.Metric, settings)))
            .Where(a => a.Signals.Count > 0)
            .Select(a => Finding(a.Account, a.Signals))
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        return new InsightResult(Name, request.AsOf, Method(settings, priced), Summary(findings, priced))
        {
            Figures =
            [
                InsightValue.Of("near", settings.Near),
                InsightValue.Of("growth", settings.Growth),
                InsightValue.Of("peer_share", settings.PeerShare),
                InsightValue.Of("min_peers", settings.MinPeers),
                InsightValue.Of("rate_plans", context.Configuration.RatePlans.Count),
                .. s_kinds.Select(k => InsightValue.Of(k.Replace('-', '_'), findings.Count(f => f.Values.Single(v => v.Name == k.Replace('-', '_')).Number is not null))),
                InsightValue.Of("findings", findings.Count),
            ],
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    private static List<UpsellSignal> Signals(string account, UsageWindows usage, Dictionary<string, SeatCount> seats, Dictionary<string, List<PlanUsage>> plans, string? metric, UpsellSettings settings) =>
        new[]
        {
            UpsellRules.PlanLimit(plans.GetValueOrDefault(account) ?? [], settings),
            UpsellRules.Seats(seats.TryGetValue(account, out var count) ? count : null, settings),
            UpsellRules.Growth(usage, account, metric, settings),
            UpsellRules.PeerAdoption(usage, account, settings),
        }.OfType<UpsellSignal>().ToList();

    private static InsightFinding Finding(string account, List<UpsellSignal> signals)
    {
        var score = StableRounding.Round(signals.Sum(s => s.Strength), 1);
        // Rounded, so a tie in floating-point noise goes to the first signal (limits before growth).
        var strongest = signals.OrderByDescending(s => StableRounding.Round(s.Strength, 1)).First();
        return new InsightFinding(account, strongest.Kind, score, $"upsell score {UpsellRules.N(score)}: {string.Join("; ", signals.Select(s => $"{s.Why} → {UpsellRules.N(s.Strength)}"))}")
        {
            Values =
            [
                .. s_kinds.Select(k => InsightValue.Of(k.Replace('-', '_'), signals.FirstOrDefault(s => s.Kind == k) is { } s ? StableRounding.Round(s.Strength, 1) : null)),
            ],
        };
    }

    /// <summary>Each account's usage of every priced meter in the last 30 days against its allowance, from the usage-charges KPI.</summary>
    private static async Task<Dictionary<string, List<PlanUsage>>> PlanUsageAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var arguments = new KpiArguments
        {
            From = KpiSeries.Day(request.AsOf.AddDays(-UsageWindows.WindowDays)),
            To = KpiSeries.Day(request.AsOf),
            Where = request.Where,
            ComparePrevious = false,
        };
        var result = await KpiSeries.ReadAsync("usage-charges", arguments, request, context, cancellationToken).ConfigureAwait(false);
        return (result.Rows ?? [])
            .Select(r => (Account: KpiSeries.Key(r, "account_id")!, Usage: new PlanUsage(KpiSeries.Key(r, "plan") ?? "", KpiSeries.Key(r, "meter") ?? "", Part(r, "usage"), Part(r, "included"))))
            .GroupBy(r => r.Account, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Usage).ToList(), StringComparer.Ordinal);
    }

    private static double Part(KpiRow row, string name) => row.Parts.FirstOrDefault(p => p.Name == name)?.Value ?? 0;

    private static string Method(UpsellSettings settings, bool priced) =>
        $"Over the 30 days before as-of: plan-limit, each priced meter's usage against the units included by the account's rate plan (or its subscription's included_units), from {UpsellRules.N(settings.Near * 100)}%" +
        (priced ? "" : " (not evaluated: the configuration defines no rate_plans)") +
        $"; seats, distinct active users against licensed_seats from {UpsellRules.N(settings.Near * 100)}%; " +
        $"growth, the mean of each meter's usage over the 30 days before, from +{UpsellRules.N(settings.Growth * 100)}%; " +
        $"peer-adoption, meters the account did not use that at least {UpsellRules.N(settings.PeerShare * 100)}% of the other active accounts of its segment (at least {settings.MinPeers}) used. " +
        $"Strength: 50 at a limit's threshold rising to 100 at {UpsellRules.N(UpsellRules.LimitSpan * 100)} points above it; 50 at the growth threshold rising to 100 at twice it; " +
        "cross-sell half the peer share. The score is the sum of an account's strengths; the kind is its strongest signal.";

    private static string Summary(List<InsightFinding> findings, bool priced)
    {
        var note = priced ? "" : " Plan limits were not evaluated: the configuration defines no rate_plans.";
        if (findings.Count == 0)
        {
            return "No account is near a limit, growing fast or missing a feature its peers use." + note;
        }
        var kinds = findings.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        return $"{findings.Count} accounts to offer more (strongest signal: {string.Join(", ", kinds)}); the first is {findings[0].Subject}: {findings[0].Why}.{note}";
    }
}
