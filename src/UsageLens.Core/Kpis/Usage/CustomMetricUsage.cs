using UsageLens.Core.Querying;
using UsageLens.Core.Semantics.Custom;

namespace UsageLens.Core.Kpis.Usage;

/// <summary>The usage KPI for a custom metric: its value and parts over the period, the previous period, and the breakdown.</summary>
internal static class CustomMetricUsage
{
    public static async Task<KpiResult> ComputeAsync(string kpi, CustomMetric metric, KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var evaluation = new CustomMetricEvaluation(request, context);
        var total = await TotalAsync(evaluation, metric, request.Period, cancellationToken).ConfigureAwait(false);
        var previous = await KpiComparison.ForPreviousAsync(request, async before =>
        {
            var earlier = await TotalAsync(evaluation, metric, before, cancellationToken).ConfigureAwait(false);
            return new KpiOutcome(earlier.Value, earlier.Parts);
        }).ConfigureAwait(false);
        IReadOnlyList<KpiRow>? rows = null;
        if (request.IsBreakdown)
        {
            var table = await evaluation.EvaluateAsync(metric, request.Period, request.Grain, request.GroupBy, cancellationToken).ConfigureAwait(false);
            rows = table.Groups.SelectMany(group => table.Periods.Select(period =>
            {
                var cell = table.Cells[(period, group.Key)];
                return new KpiRow(RowKeys.Of(period, request.GroupBy, group.Value), cell.Value, cell.Parts);
            })).ToList();
        }
        return new KpiResult(kpi, metric.Name, request.Period, total.Value, metric.Unit, total.Parts)
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }

    private static async Task<CustomCell> TotalAsync(CustomMetricEvaluation evaluation, CustomMetric metric, Period period, CancellationToken cancellationToken)
    {
        var table = await evaluation.EvaluateAsync(metric, period, null, [], cancellationToken).ConfigureAwait(false);
        return table.Cells.Values.Single();
    }
}
