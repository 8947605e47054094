using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Discounts;

/// <summary>
/// Discounts that can be phased out: paying accounts on a partial discount whose usage is heavy for
/// their segment and growing, ranked by the MRR the discount gives away.
/// </summary>
internal sealed class DiscountsInsight : IInsight
{
    public const string Name = "discounts";

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("heavy", "usage percentile in the segment from which an account is heavy (0–1, default 0.75)"),
        new("growth", "usage growth, last 30 days over the 30 before, from which it is growing (−1–100, default 0.1 = +10%)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var heavy = request.NumberOption("heavy", 0.75, 0, 1);
        var growing = request.NumberOption("growth", 0.1, -1, 100);
        var history = await SubscriptionHistoryReader.ReadAsync(request, context, Name, cancellationToken).ConfigureAwait(false);
        var segments = await AccountSegmentsReader.ReadAsync(request, context, Name, cancellationToken).ConfigureAwait(false);
        var usage = await UsageWindowsReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        var discounted = history.Rows.Keys.Where(a => history.Current(a) is { IsDiscounted: true } && segments.ContainsKey(a)).Order(StringComparer.Ordinal).ToList();
        var findings = new List<InsightFinding>();
        foreach (var account in discounted)
        {
            var row = history.Current(account)!;
            var standing = UsageStanding.Percentile(account, usage, segments, request.Metric);
            var growth = UsageStanding.Growth(account, usage, request.Metric);
            if (standing is { } s && s.Percentile >= heavy && growth is { } g && g.Growth >= growing)
            {
                findings.Add(Finding(account, row, s, g));
            }
        }
        findings = [.. findings.OrderByDescending(f => f.Score).ThenBy(f => f.Subject, StringComparer.Ordinal)];
        return new InsightResult(Name, request.AsOf, Method(heavy, growing), Summary(findings, discounted.Count))
        {
            Figures =
            [
                InsightValue.Of("discounted_accounts", discounted.Count),
                InsightValue.Of("phase_out", findings.Count),
                InsightValue.Of("mrr_given_away", StableRounding.Round(discounted.Sum(a => history.Current(a)!.ListMrr - history.Current(a)!.Mrr), 2)),
                InsightValue.Of("mrr_recoverable", StableRounding.Round(findings.Sum(f => f.Score), 2)),
                InsightValue.Of("heavy", heavy),
                InsightValue.Of("growth", growing),
                InsightValue.Of("metric", request.Metric ?? "all meters"),
            ],
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    private static InsightFinding Finding(string account, SubscriptionRow row, (double Percentile, int Peers, string Why) standing, (double Growth, string Why) growth)
    {
        var recoverable = StableRounding.Round(row.ListMrr - row.Mrr, 2);
        var why = $"{HealthRules.N(row.DiscountPct!.Value)}% discount since {KpiSeries.Day(row.From)} on plan {row.Plan ?? "none"}: MRR {HealthRules.N(row.Mrr)} against {HealthRules.N(row.ListMrr)} at list price, {HealthRules.N(recoverable)} a month to recover; heavy: {standing.Why}; growing: {growth.Why}";
        return new InsightFinding(account, "phase-out", recoverable, why)
        {
            Values =
            [
                InsightValue.Of("discount_pct", row.DiscountPct),
                InsightValue.Of("mrr", row.Mrr),
                InsightValue.Of("list_mrr", StableRounding.Round(row.ListMrr, 2)),
                InsightValue.Of("usage_percentile", StableRounding.Round(standing.Percentile, 3)),
                InsightValue.Of("growth", StableRounding.Round(growth.Growth, 3)),
                InsightValue.Of("discount_since", KpiSeries.Day(row.From)),
            ],
        };
    }

    private static string Method(double heavy, double growing) =>
        "Discounted: accounts whose subscription row in force at as-of pays MRR above 0 with a discount_pct above 0 and below 100. " +
        $"Listed when heavy, a mean usage percentile in their segment of at least {HealthRules.N(heavy * 100)} (per meter used in the segment in the last 30 days, the share of the segment's other accounts below it, ties half), " +
        $"and growing, the mean of each meter's usage of the last 30 days over the 30 before at least {(growing >= 0 ? "+" : "")}{HealthRules.N(growing * 100)}%. " +
        "Ranked by the MRR the discount gives away: MRR ÷ (1 − discount) − MRR.";

    private static string Summary(List<InsightFinding> findings, int discounted) =>
        findings.Count == 0
            ? $"No discount to phase out among {discounted} discounted accounts: none is both heavy for its segment and growing."
            : $"{findings.Count} of {discounted} discounted accounts are heavy and growing: {HealthRules.N(findings.Sum(f => f.Score))} of MRR a month to recover; the first is {findings[0].Subject}: {findings[0].Why}.";
}
