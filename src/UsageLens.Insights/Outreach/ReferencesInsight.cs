using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Outreach;

/// <summary>
/// Customer references: paying accounts that are healthy (the health score), heavy users for their
/// segment, and promoters (the NPS of their latest answer day), ranked by the mean of the three.
/// </summary>
internal sealed class ReferencesInsight : IInsight
{
    public const string Name = "references";

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("health", "health score from which an account is healthy enough (0–100, default the configuration's healthy band, 70)"),
        new("heavy", "usage percentile in the segment from which usage is heavy (0–1, default 0.5)"),
        new("nps", "NPS of the latest answer day from which the account is a promoter (−100–100, default 50)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Configuration.Health;
        var healthy = request.NumberOption("health", settings.Healthy, 0, 100);
        var heavy = request.NumberOption("heavy", 0.5, 0, 1);
        var promoter = request.NumberOption("nps", 50, -100, 100);
        var facts = await AccountFactsReader.ReadAsync(request, context, Name, cancellationToken).ConfigureAwait(false);
        var signals = await HealthSignalsReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        var health = HealthScorer.Score(signals, settings, request.Metric ?? settings.UsageMetric).ToDictionary(s => s.Account, StringComparer.Ordinal);
        var paying = facts.Accounts.Where(a => facts.Mrr(a) is not null).ToList();
        var findings = new List<InsightFinding>();
        foreach (var account in paying)
        {
            if (health.TryGetValue(account, out var score) && score.Score >= healthy
                && facts.Nps.TryGetValue(account, out var nps) && nps.Nps >= promoter
                && UsageStanding.Percentile(account, facts.Usage, facts.Segments, request.Metric) is { } standing && standing.Percentile >= heavy)
            {
                findings.Add(Finding(account, score, nps, standing));
            }
        }
        findings = [.. findings.OrderByDescending(f => f.Score).ThenBy(f => f.Subject, StringComparer.Ordinal)];
        return new InsightResult(Name, request.AsOf, Method(healthy, heavy, promoter), Summary(findings, paying.Count))
        {
            Figures =
            [
                InsightValue.Of("paying_accounts", paying.Count),
                InsightValue.Of("references", findings.Count),
                InsightValue.Of("healthy_from", healthy),
                InsightValue.Of("heavy", heavy),
                InsightValue.Of("nps_from", promoter),
            ],
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    private static InsightFinding Finding(string account, HealthScore health, LatestNps nps, (double Percentile, int Peers, string Why) standing)
    {
        var npsGrade = (nps.Nps + 100) / 2;
        var score = StableRounding.Round((health.Score + npsGrade + (standing.Percentile * 100)) / 3, 1);
        var why = $"reference score {HealthRules.N(score)}, the mean of health {HealthRules.N(health.Score)} ({health.Band}), NPS {HealthRules.N(nps.Nps)} on {KpiSeries.Day(nps.Day)} as (NPS + 100) ÷ 2 = {HealthRules.N(npsGrade)}, and the usage percentile {HealthRules.N(standing.Percentile * 100)}: {standing.Why}";
        return new InsightFinding(account, "reference", score, why)
        {
            Values =
            [
                InsightValue.Of("health", health.Score),
                InsightValue.Of("nps", nps.Nps),
                InsightValue.Of("nps_day", KpiSeries.Day(nps.Day)),
                InsightValue.Of("usage_percentile", StableRounding.Round(standing.Percentile * 100, 1)),
            ],
        };
    }

    private static string Method(double healthy, double heavy, double promoter) =>
        $"Paying accounts in view with a health score of at least {HealthRules.N(healthy)} (the health insight's score and settings), an NPS of at least {HealthRules.N(promoter)} on their latest answer day in the last {HealthSignals.NpsLookbackDays} days, " +
        $"and a mean usage percentile in their segment of at least {HealthRules.N(heavy * 100)} (per meter used in the segment in the last 30 days, the share of the segment's other accounts below it, ties half). " +
        "Score: the mean of the health score, (NPS + 100) ÷ 2 and the percentile × 100.";

    private static string Summary(List<InsightFinding> findings, int paying) =>
        findings.Count == 0
            ? $"None of the {paying} paying accounts is at once healthy, a heavy user for its segment and a promoter."
            : $"{findings.Count} of {paying} paying accounts could be references; the first is {findings[0].Subject}: {findings[0].Why}.";
}
