using UsageLens.Core;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Benchmarks;

/// <summary>
/// One account, or every account, against its segment: its percentile and the segment's median for
/// usage of each meter, active users, feature breadth, seat utilisation, MRR and NPS (<see cref="SegmentBenchmark"/>).
/// </summary>
internal sealed class BenchmarkInsight : IInsight
{
    public const string Name = "benchmark";

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("account", "the account to benchmark (default: every account in view)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var facts = await AccountFactsReader.ReadAsync(request, context, Name, cancellationToken).ConfigureAwait(false);
        var accounts = facts.Accounts;
        if (request.Options.TryGetValue("account", out var only))
        {
            // An account outside the caller's scope reads as unknown, so a partner learns nothing of it.
            accounts = facts.Segments.ContainsKey(only) ? [only] : throw new UsageLensException($"option account='{only}': no such account in view");
        }
        var benchmark = new SegmentBenchmark(facts);
        var findings = accounts
            .Select(a => (Account: a, Figures: benchmark.Of(a)))
            .Where(a => a.Figures.Count > 0)
            .Select(a => Finding(a.Account, facts.Segments[a.Account]!, a.Figures))
            .OrderByDescending(f => f.Score).ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        return new InsightResult(Name, request.AsOf, Method, Summary(findings, accounts.Count))
        {
            Figures =
            [
                InsightValue.Of("accounts", accounts.Count),
                InsightValue.Of("benchmarked", findings.Count),
                InsightValue.Of("segments", facts.Segments.Values.OfType<string>().Distinct(StringComparer.Ordinal).Count()),
            ],
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    private const string Method =
        "Each account against the other accounts of its segment in view (the caller's scope and filters): usage of each meter the segment used in the 30 days before as-of, distinct active users and meters used (feature_breadth) in those days, " +
        "seat utilisation (active users ÷ licensed seats, %; accounts with seats), MRR in force (paying accounts) and the NPS of the latest day with answers in the last 365 days (accounts that answered). " +
        "Percentile: the share of the segment's other accounts with a value below the account's, ties half; median: over the segment's accounts with a value, the account included. " +
        "A KPI is compared when the account and at least one other have a value. The score is the mean percentile × 100: top-quartile from 75, bottom-quartile to 25.";

    private static InsightFinding Finding(string account, string segment, IReadOnlyList<BenchmarkFigure> figures)
    {
        var score = StableRounding.Round(figures.Average(f => f.Percentile) * 100, 1);
        var kind = score >= 75 ? "top-quartile" : score <= 25 ? "bottom-quartile" : "middle";
        var why = $"against its segment {segment}, mean percentile {HealthRules.N(score)}: " +
            string.Join("; ", figures.Select(f => $"{f.Kpi} {HealthRules.N(f.Value)} (percentile {HealthRules.N(f.Percentile * 100)} of {f.Peers} others, segment median {HealthRules.N(f.SegmentMedian)})"));
        var values = new List<InsightValue> { InsightValue.Of("segment", segment) };
        foreach (var figure in figures)
        {
            values.Add(InsightValue.Of(figure.Kpi, StableRounding.Round(figure.Value, 2)));
            values.Add(InsightValue.Of($"{figure.Kpi}_percentile", StableRounding.Round(figure.Percentile * 100, 1)));
            values.Add(InsightValue.Of($"{figure.Kpi}_segment_median", StableRounding.Round(figure.SegmentMedian, 2)));
        }
        return new InsightFinding(account, kind, score, why) { Values = values };
    }

    private static string Summary(List<InsightFinding> findings, int accounts) =>
        findings.Count switch
        {
            0 => $"No account of the {accounts} in view has another account of its segment to compare with.",
            1 => $"{findings[0].Subject} {findings[0].Why}.",
            _ => $"{findings.Count} accounts benchmarked against their segments: {findings.Count(f => f.Kind == "top-quartile")} in the top quartile, {findings.Count(f => f.Kind == "bottom-quartile")} in the bottom; the highest is {findings[0].Subject} at {HealthRules.N(findings[0].Score)}, the lowest {findings[^1].Subject} at {HealthRules.N(findings[^1].Score)}.",
        };
}
