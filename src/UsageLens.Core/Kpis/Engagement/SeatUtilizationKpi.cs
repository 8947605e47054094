using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>How much of what each account licensed is in use.</summary>
internal sealed class SeatUtilizationKpi : IKpi
{
    public KpiDefinition Definition { get; } = new(
        "seat-utilization",
        "Seat utilisation",
        "per account: distinct users with ≥1 event through the account in the period ÷ licensed_seats × 100, banded green (≥ 80), amber (60 to < 80), red (< 60); value = Σ active users ÷ Σ licensed seats × 100 over accounts with seats; accounts without licensed_seats are skipped and counted; rows are always one per account",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("seat utilization", "seat utilisation", "seat-utilization", "seat usage", "license utilization", "licence utilisation", "license utilisation", "licence utilization", "seats used", "licensed seats", "licenses used", "licences used", "seats in use")],
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Grain is not null || request.GroupBy.Count > 0)
        {
            throw new UsageLensException($"{Definition.Name} always gives one row per account; drop --grain and --group-by, and narrow with --where");
        }
        var reader = new EngagementReader(request, context);
        var accountFilters = request.Filters.Where(f => f.Dimension.Source == DimensionSource.Account || f.Dimension.IsAccountId).ToList();
        var seatRows = await context.QueryAsync(QueryPlanner.AccountAttributes(request.Scope, accountFilters, "licensed_seats", []), cancellationToken).ConfigureAwait(false);
        var seats = seatRows.Select(r => (r.GetString("account_id"), r.GetNullableDouble("value"))).ToList();

        var (outcome, rows) = SeatUtilization.Compute(seats, await ActiveUsersAsync(reader, request.Period, cancellationToken).ConfigureAwait(false));
        var previous = await KpiComparison.ForPreviousAsync(request, async before =>
        {
            var (earlier, _) = SeatUtilization.Compute(seats, await ActiveUsersAsync(reader, before, cancellationToken).ConfigureAwait(false));
            return earlier;
        }).ConfigureAwait(false);
        return new KpiResult(Definition.Name, null, request.Period, outcome.Value, "percent", outcome.Parts)
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }

    private static async Task<Dictionary<string, int>> ActiveUsersAsync(EngagementReader reader, Period period, CancellationToken cancellationToken)
    {
        var activity = await reader.AccountActiveUsersAsync(period, cancellationToken).ConfigureAwait(false);
        return activity.ToDictionary(a => a.Key, a => a.Value.Users, StringComparer.Ordinal);
    }
}
