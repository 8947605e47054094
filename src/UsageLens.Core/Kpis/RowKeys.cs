using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;

namespace UsageLens.Core.Kpis;

/// <summary>Builds the keys of breakdown rows: <c>period</c> first, then each group-by dimension by name.</summary>
internal static class RowKeys
{
    public static IReadOnlyList<KeyValuePair<string, string?>> Of(string? period, IReadOnlyList<Dimension> groupBy, IReadOnlyList<string?> groupValues)
    {
        var keys = new List<KeyValuePair<string, string?>>();
        if (period is not null)
        {
            keys.Add(new("period", period));
        }
        for (var i = 0; i < groupBy.Count; i++)
        {
            keys.Add(new(groupBy[i].Name, groupValues[i]));
        }
        return keys;
    }

    /// <summary>One string for a tuple of nullable values, usable as a dictionary key.</summary>
    public static string Join(IEnumerable<string?> values) => string.Join('\u001f', values.Select(v => v ?? "\u0000"));

    /// <summary>
    /// The keys of a planned breakdown row: the bucket label (<c>bucket</c>) when the query had a grain,
    /// then one value per group key (<see cref="QueryPlanner.GroupColumn"/>).
    /// </summary>
    public static (string? Period, string?[] Values) Read(QueryRow row, bool bucketed, int groupCount)
    {
        var values = new string?[groupCount];
        for (var i = 0; i < groupCount; i++)
        {
            values[i] = row.GetText(QueryPlanner.GroupColumn(i));
        }
        return (bucketed ? row.GetText("bucket") : null, values);
    }
}
