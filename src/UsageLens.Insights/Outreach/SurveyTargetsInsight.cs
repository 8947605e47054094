using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Outreach;

/// <summary>
/// Who to survey for feedback: active accounts with no recent NPS answer, or whose usage changed a lot
/// (either way) over the last 30 days, ranked by how long they have been silent and how much changed.
/// </summary>
internal sealed class SurveyTargetsInsight : IInsight
{
    public const string Name = "survey-targets";

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("quiet-days", "days without an NPS answer after which an account is due a survey (1–365, default 90)"),
        new("change", "usage change, last 30 days over the 30 before, up or down, that is worth asking about (0.01–100, default 0.5 = ±50%)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var quietDays = request.IntOption("quiet-days", 90, 1, HealthSignals.NpsLookbackDays);
        var change = request.NumberOption("change", 0.5, 0.01, 100);
        var facts = await AccountFactsReader.ReadAsync(request, context, Name, cancellationToken).ConfigureAwait(false);
        var active = facts.Accounts.Where(a => facts.ActiveUsers.GetValueOrDefault(a) > 0).ToList();
        var findings = new List<InsightFinding>();
        foreach (var account in active)
        {
            var reasons = new List<(string Kind, double Strength, string Why)>();
            if (Quiet(account, facts, request.AsOf, quietDays) is { } quiet)
            {
                reasons.Add(quiet);
            }
            if (UsageStanding.Growth(account, facts.Usage, request.Metric) is { } growth && Math.Abs(growth.Growth) >= change)
            {
                reasons.Add(("usage-change", 50 * Math.Min(1, Math.Abs(growth.Growth) / (2 * change)), $"usage changed: {growth.Why}"));
            }
            if (reasons.Count > 0)
            {
                findings.Add(Finding(account, facts.ActiveUsers[account], reasons));
            }
        }
        findings = [.. findings.OrderByDescending(f => f.Score).ThenBy(f => f.Subject, StringComparer.Ordinal)];
        return new InsightResult(Name, request.AsOf, Method(quietDays, change), Summary(findings, active.Count))
        {
            Figures =
            [
                InsightValue.Of("active_accounts", active.Count),
                InsightValue.Of("targets", findings.Count),
                InsightValue.Of("no_recent_answer", findings.Count(f => f.Values.Single(v => v.Name == "no_recent_answer").Number is not null)),
                InsightValue.Of("usage_change", findings.Count(f => f.Values.Single(v => v.Name == "usage_change").Number is not null)),
                InsightValue.Of("quiet_days", quietDays),
                InsightValue.Of("change", change),
            ],
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    // Never answering within a year is the strongest case; an older answer grows stronger with its age.
    private static (string, double, string)? Quiet(string account, AccountFacts facts, DateOnly asOf, int quietDays)
    {
        if (!facts.Nps.TryGetValue(account, out var nps))
        {
            return ("no-recent-answer", 50, $"no NPS answer in the last {HealthSignals.NpsLookbackDays} days");
        }
        var days = asOf.DayNumber - nps.Day.DayNumber;
        return days <= quietDays
            ? null
            : ("no-recent-answer", 50 * Math.Min(1, (double)days / HealthSignals.NpsLookbackDays), $"last NPS answer {days} days ago ({KpiSeries.Day(nps.Day)}, NPS {HealthRules.N(nps.Nps)})");
    }

    private static InsightFinding Finding(string account, double users, List<(string Kind, double Strength, string Why)> reasons)
    {
        var score = StableRounding.Round(reasons.Sum(r => r.Strength), 1);
        var kind = reasons.OrderByDescending(r => StableRounding.Round(r.Strength, 6)).First().Kind;
        double? Of(string k) => reasons.FirstOrDefault(r => r.Kind == k) is { Kind: not null } r ? StableRounding.Round(r.Strength, 1) : null;
        return new InsightFinding(account, kind, score, $"{HealthRules.N(users)} users active in the last 30 days; {string.Join("; ", reasons.Select(r => $"{r.Why} → {HealthRules.N(r.Strength)}"))}")
        {
            Values = [InsightValue.Of("active_users", users), InsightValue.Of("no_recent_answer", Of("no-recent-answer")), InsightValue.Of("usage_change", Of("usage-change"))],
        };
    }

    private static string Method(int quietDays, double change) =>
        "Accounts in view with a user active in the 30 days before as-of, listed when " +
        $"no-recent-answer: no NPS answer in the last {quietDays} days (strength 50 without any in {HealthSignals.NpsLookbackDays} days, else 50 × days since the last answer ÷ {HealthSignals.NpsLookbackDays}), or " +
        $"usage-change: the mean of each meter's usage of the last 30 days over the 30 before moved by at least {HealthRules.N(change * 100)}% either way (strength 50 × min(1, |change| ÷ {HealthRules.N(2 * change * 100)}%)). " +
        "Score: the sum; the kind is the stronger reason.";

    private static string Summary(List<InsightFinding> findings, int active) =>
        findings.Count == 0
            ? $"None of the {active} active accounts is due a survey."
            : $"{findings.Count} of {active} active accounts to survey ({findings.Count(f => f.Kind == "no-recent-answer")} mostly silent, {findings.Count(f => f.Kind == "usage-change")} mostly for a usage change); the first is {findings[0].Subject}: {findings[0].Why}.";
}
