using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Revenue;

/// <summary>
/// Runs a revenue formula over the request: the period itself, the previous period, and a row per
/// bucket and account group. A group-by row is the formula over the group's accounts only; a
/// bucket row is the formula with the bucket as the period.
/// </summary>
internal static class RevenueRun
{
    public static async Task<KpiResult> ComputeAsync(
        KpiDefinition definition,
        string unit,
        KpiRequest request,
        KpiContext context,
        Func<RevenueWindow, CancellationToken, Task<KpiOutcome>> evaluate,
        CancellationToken cancellationToken,
        params string[] variants)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Variant is { } variant && !variants.Contains(variant))
        {
            throw new UsageLensException(variants.Length == 0
                ? $"{definition.Name} has no variants; leave out --variant"
                : $"--variant '{variant}' is not known for {definition.Name}; use {string.Join(" or ", variants)}");
        }
        var timeline = new RevenueTimeline(request, context);
        var outcome = await evaluate(new RevenueWindow(request.Period, null, timeline), cancellationToken).ConfigureAwait(false);
        var previous = await KpiComparison.ForPreviousAsync(request, async before => await evaluate(new RevenueWindow(before, null, timeline), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        var rows = request.IsBreakdown ? await RowsAsync(request, timeline, evaluate, cancellationToken).ConfigureAwait(false) : null;
        return new KpiResult(definition.Name, null, request.Period, outcome.Value, unit, outcome.Parts)
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }

    private static async Task<List<KpiRow>> RowsAsync(
        KpiRequest request,
        RevenueTimeline timeline,
        Func<RevenueWindow, CancellationToken, Task<KpiOutcome>> evaluate,
        CancellationToken cancellationToken)
    {
        var buckets = request.Grain is { } grain ? Calendar.Buckets(request.Period, grain, request.WeekStart) : [new Bucket(request.Period.From, request.Period)];
        var groups = await GroupsAsync(request, timeline, cancellationToken).ConfigureAwait(false);
        var rows = new List<KpiRow>();
        foreach (var bucket in buckets)
        {
            var label = request.Grain is null ? null : KpiValues.Label(bucket.Label);
            foreach (var (values, member) in groups)
            {
                var outcome = await evaluate(new RevenueWindow(bucket.Period, member, timeline), cancellationToken).ConfigureAwait(false);
                rows.Add(new KpiRow(RowKeys.Of(label, request.GroupBy, values), outcome.Value, outcome.Parts));
            }
        }
        return rows;
    }

    /// <summary>
    /// The group tuples, each with its membership test. Accounts that have a subscription but are
    /// missing from the CRM have no group values, so they join the group whose values are all empty.
    /// </summary>
    private static async Task<List<(string?[] Values, Func<string, bool>? Member)>> GroupsAsync(KpiRequest request, RevenueTimeline timeline, CancellationToken cancellationToken)
    {
        if (request.GroupBy.Count == 0)
        {
            return [([], null)];
        }
        var attributes = await timeline.GroupsAsync(cancellationToken).ConfigureAwait(false);
        var empty = new string?[request.GroupBy.Count];
        var emptyKey = RowKeys.Join(empty);
        string KeyOf(string account) => attributes.TryGetValue(account, out var values) ? RowKeys.Join(values) : emptyKey;

        var tuples = attributes.Values.GroupBy(RowKeys.Join, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = (await timeline.MrrAtAsync(request.Period.From, cancellationToken).ConfigureAwait(false)).Keys
            .Concat((await timeline.MrrAtAsync(request.Period.To, cancellationToken).ConfigureAwait(false)).Keys);
        if (seen.Any(a => !attributes.ContainsKey(a)))
        {
            tuples.TryAdd(emptyKey, empty);
        }
        return tuples.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => Group(t.Value, account => string.Equals(KeyOf(account), t.Key, StringComparison.Ordinal)))
            .ToList();
    }

    private static (string?[] Values, Func<string, bool>? Member) Group(string?[] values, Func<string, bool> member) => (values, member);
}
