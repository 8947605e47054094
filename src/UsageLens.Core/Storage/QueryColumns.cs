using UsageLens.Core.Sql;

namespace UsageLens.Core.Storage;

/// <summary>
/// The output names of a planned statement, in select order. Rows are read by these names — the
/// planner's, not the engine's (ClickHouse renders them with a <c>_</c> suffix) — so a reader does
/// not depend on where a column sits in the select list.
/// </summary>
public sealed class QueryColumns
{
    private readonly Dictionary<string, int> _ordinals;

    public QueryColumns(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = [.. names];
        _ordinals = new Dictionary<string, int>(Names.Count, StringComparer.Ordinal);
        for (var i = 0; i < Names.Count; i++)
        {
            if (!_ordinals.TryAdd(Names[i], i))
            {
                throw new ArgumentException($"the output name '{Names[i]}' appears twice", nameof(names));
            }
        }
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The output names of a planned statement.</summary>
    public static QueryColumns Of(SqlSelect query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new QueryColumns(query.Items.Select(item => item.Alias));
    }

    /// <summary>The rows an engine returned for <paramref name="query"/>, values in select order.</summary>
    public static IReadOnlyList<QueryRow> Rows(SqlSelect query, IEnumerable<object?[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var columns = Of(query);
        return [.. values.Select(v => new QueryRow(columns, v))];
    }

    public int Ordinal(string name) =>
        _ordinals.TryGetValue(name, out var ordinal)
            ? ordinal
            : throw new KeyNotFoundException($"the statement has no output named '{name}' (it has {string.Join(", ", Names)})");
}
