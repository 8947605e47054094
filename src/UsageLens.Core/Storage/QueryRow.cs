using System.Globalization;

namespace UsageLens.Core.Storage;

/// <summary>One row of a planned statement, read by the planner's output names.</summary>
public sealed class QueryRow
{
    private readonly object?[] _values;

    public QueryRow(QueryColumns columns, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != columns.Names.Count)
        {
            throw new ArgumentException($"a row of {values.Length} values for {columns.Names.Count} columns", nameof(values));
        }
        Columns = columns;
        _values = values;
    }

    public QueryColumns Columns { get; }

    /// <summary>The values in select order, with nulls for SQL NULL: for comparing whole rows.</summary>
    public IReadOnlyList<object?> Values => _values;

    /// <summary>The engine's value, null for SQL NULL.</summary>
    public object? this[string name] => _values[Columns.Ordinal(name)];

    public bool IsNull(string name) => this[name] is null;

    /// <summary>A text column that is never NULL.</summary>
    public string GetString(string name) =>
        this[name] switch
        {
            string text => text,
            null => throw new InvalidCastException($"'{name}' is NULL"),
            var other => throw new InvalidCastException($"'{name}' is a {other.GetType().Name}, not text"),
        };

    /// <summary>A text column that may be NULL.</summary>
    public string? GetNullableString(string name) => this[name] is null ? null : GetString(name);

    /// <summary>Any value as invariant text (a day as yyyy-MM-dd), as a group key or label is shown.</summary>
    public string? GetText(string name) => this[name] switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString(),
    };

    /// <summary>A number of any engine type; NULL reads as 0, as an empty sum is.</summary>
    public double GetDouble(string name) => Number(this[name], name);

    /// <summary>A number that may be NULL.</summary>
    public double? GetNullableDouble(string name) => this[name] is { } value ? Number(value, name) : null;

    public long GetInt64(string name) => (long)GetDouble(name);

    /// <summary>A date or timestamp column as the engine returned it.</summary>
    public DateTime GetDateTime(string name) =>
        this[name] as DateTime? ?? throw new InvalidCastException($"'{name}' is not a timestamp");

    /// <summary>A timestamp column, which the workspace stores in UTC.</summary>
    public DateTime GetInstant(string name) => DateTime.SpecifyKind(GetDateTime(name), DateTimeKind.Utc);

    public DateTime? GetNullableInstant(string name) => this[name] is null ? null : GetInstant(name);

    public DateOnly GetDate(string name) => DateOnly.FromDateTime(GetDateTime(name));

    private static double Number(object? value, string name) => value switch
    {
        null => 0d,
        double d => d,
        System.Numerics.BigInteger b => (double)b,
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"'{name}' is not a number: {value.GetType()}"),
    };
}
