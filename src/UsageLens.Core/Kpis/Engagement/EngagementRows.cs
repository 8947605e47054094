using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Breakdown rows for engagement KPIs: each group of accounts seen in the data, times each bucket of the grain.</summary>
internal static class EngagementRows
{
    /// <param name="evaluate">The KPI over one group's items and one bucket's period (and whether it is a day bucket).</param>
    public static IReadOnlyList<KpiRow> Build<T>(
        KpiRequest request,
        AccountGroups groups,
        IReadOnlyList<T> items,
        Func<T, string?> accountOf,
        Func<IReadOnlyList<T>, Period, KpiOutcome> evaluate)
    {
        var byGroup = items.GroupBy(i => groups.KeyOf(accountOf(i)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Values: groups.ValuesOf(accountOf(g.First())), Items: (IReadOnlyList<T>)g.ToList()), StringComparer.Ordinal);
        if (groups.GroupBy.Count == 0)
        {
            byGroup.TryAdd(RowKeys.Join([]), ([], []));
        }
        var buckets = request.Grain is { } grain ? Calendar.Buckets(request.Period, grain, request.WeekStart) : [new Bucket(request.Period.From, request.Period)];
        var rows = new List<KpiRow>();
        foreach (var (_, group) in byGroup.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var bucket in buckets)
            {
                var outcome = evaluate(group.Items, bucket.Period);
                var label = request.Grain is null ? null : KpiValues.Label(bucket.Label);
                rows.Add(new KpiRow(RowKeys.Of(label, groups.GroupBy, group.Values), outcome.Value, outcome.Parts));
            }
        }
        return rows;
    }
}
