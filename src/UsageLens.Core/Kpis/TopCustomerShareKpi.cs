namespace UsageLens.Core.Kpis;

/// <summary>
/// Runs <see cref="TopCustomerShare"/> over the workspace. A breakdown row is the KPI computed with
/// the row's bucket as the period and its group values as extra filters: an account dimension
/// narrows the ranked population, an event or user dimension narrows the usage measured.
/// </summary>
internal sealed class TopCustomerShareKpi : IKpi
{
    public const string RevenueWeighted = "revenue-weighted";

    public const string Name = KpiNames.TopCustomerShare;

    public KpiDefinition Definition { get; } = new(
        Name,
        "Top-customer usage share",
        "share = usage of the top accounts ÷ usage of all accounts in scope × 100; accounts with ranking value > 0 ranked descending (ties: lower account_id), top X% = first ⌈X/100·N⌉, top K = first K; variant revenue-weighted: shortest prefix whose ranking value reaches X% of the total",
        RequiresMetric: true)
    {
        Synonyms = [.. KpiSynonym.Phrases("top customer share", "top-customer-share", "customer share")],
        MetricRole = KpiMetricRole.Measured,
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var metric = request.RequireMetric(Definition.Name);
        if (request.Variant is not (null or RevenueWeighted))
        {
            throw new UsageLensException($"--variant '{request.Variant}' is not known for {Definition.Name}; use {RevenueWeighted}");
        }
        var scalar = await new TopShareEvaluation(request, context, request.Period, null, []).RunAsync(cancellationToken).ConfigureAwait(false);
        var outcome = scalar[0].Outcome;
        var previous = await KpiComparison.ForPreviousAsync(request, async before =>
        {
            var earlier = (await new TopShareEvaluation(request, context, before, null, []).RunAsync(cancellationToken).ConfigureAwait(false))[0].Outcome;
            return new KpiOutcome(earlier.Share, earlier.Parts);
        }).ConfigureAwait(false);
        IReadOnlyList<KpiRow>? rows = null;
        if (request.IsBreakdown)
        {
            var breakdown = await new TopShareEvaluation(request, context, request.Period, request.Grain, request.GroupBy).RunAsync(cancellationToken).ConfigureAwait(false);
            rows = breakdown.Select(r => new KpiRow(r.Keys, r.Outcome.Share, r.Outcome.Parts)).ToList();
        }
        return new KpiResult(Definition.Name, metric.ToString(), request.Period, outcome.Share, "percent", outcome.Parts)
        {
            Previous = previous,
            Accounts = outcome.Accounts,
            Rows = rows,
            Sql = context.Sql,
        };
    }
}
