using System.Globalization;
using UsageLens.Ingest.Files;

namespace UsageLens.Import;

/// <summary>
/// The DuckDB side of the shared validation rules: a condition that is true when a non-empty
/// text value has a <see cref="RowFault"/>, and the conversion of a valid value to its stored type.
/// A Parquet column that already has the stored type (<see cref="IsNative"/>) gets the same rules
/// on its typed value, which spares writing every value as text and parsing it back.
/// </summary>
internal static class ValueSql
{
    // DuckDB's own cast is lenient (a missing offset means the session time zone), so the shape is
    // checked first; the cast then catches impossible dates such as month 13.
    private const string DateTime = @"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?";
    private const string Offset = @"(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)";
    private const string Earliest = "TIMESTAMPTZ '0001-01-01 00:00:00+00'";
    private const string Latest = "TIMESTAMPTZ '9999-12-31 23:59:59.999999+00'";
    private const string WithoutSeconds = @"^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2})(Z|[+-].*)$";

    public static string Fault(RowFault fault, string value) => fault switch
    {
        RowFault.Missing => $"{value} IS NULL",
        RowFault.TimestampWithoutOffset => $"regexp_full_match({value}, '{DateTime}')",
        // DuckDB holds year 0 and earlier, .NET does not: such an instant would fail every later read, so it is refused here.
        RowFault.NotATimestamp => $"NOT regexp_full_match({value}, '{DateTime}{Offset}') OR NOT coalesce(try_cast({SecondsAdded(value)} AS TIMESTAMPTZ) BETWEEN {Earliest} AND {Latest}, false)",
        RowFault.NotANumber => $"try_cast({value} AS DOUBLE) IS NULL",
        RowFault.NotFinite => $"NOT isfinite(try_cast({value} AS DOUBLE))",
        RowFault.Negative => $"try_cast({value} AS DOUBLE) < 0",
        RowFault.NotAPercentage => $"NOT coalesce(try_cast({value} AS DOUBLE) BETWEEN 0 AND 100, false)",
        RowFault.NotACount => NotWholeBetween(value, 0, int.MaxValue),
        RowFault.NotAScore => NotWholeBetween(value, 0, 10),
        RowFault.NotABoolean => $"lower({value}) NOT IN ('true', 'false')",
        RowFault.NotAJsonObject => $"NOT CASE WHEN json_valid({value}) THEN json_type({value}) = 'OBJECT' ELSE false END",
        RowFault.NotAQuantityMap => $"""
            NOT coalesce(list_bool_and(list_transform(json_extract({value}, '$.*'),
                lambda q: json_type(q) IN ('UBIGINT', 'BIGINT', 'DOUBLE') AND coalesce(try_cast(q AS DOUBLE) >= 0, false))), true)
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "not a value fault"),
    };

    /// <summary>The valid text <paramref name="value"/> converted to the type it is stored as.</summary>
    public static string Typed(ColumnType type, string value) => type switch
    {
        ColumnType.Text => value,
        // epoch_us is the instant whatever the session time zone, so the stored UTC value never depends on it.
        ColumnType.Timestamp => $"make_timestamp(epoch_us(CAST({SecondsAdded(value)} AS TIMESTAMPTZ)))",
        ColumnType.Decimal or ColumnType.NonNegativeDecimal or ColumnType.Percentage => $"CAST({value} AS DOUBLE)",
        ColumnType.Count or ColumnType.Score => $"CAST(CAST({value} AS DOUBLE) AS INTEGER)",
        ColumnType.Boolean => $"(lower({value}) = 'true')",
        ColumnType.JsonObject or ColumnType.QuantityMap => $"CAST({value} AS JSON)",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// Whether a column of DuckDB type <paramref name="duckDbType"/> can be checked and stored as it is for canonical
    /// <paramref name="type"/> and give exactly what its text would. Instants with a time zone, doubles and integers of
    /// up to 64 bits qualify. A timestamp without a zone does not: its text has no offset, which is a fault. FLOAT,
    /// DECIMAL and HUGEINT do not either: they print shorter than their binary value, and a double parsed from that
    /// text can differ from the cast in the last bit.
    /// </summary>
    public static bool IsNative(ColumnType type, string duckDbType) => type switch
    {
        ColumnType.Timestamp => duckDbType == "TIMESTAMP WITH TIME ZONE",
        ColumnType.Decimal or ColumnType.NonNegativeDecimal => duckDbType is "DOUBLE" or "BIGINT" or "INTEGER" or "SMALLINT" or "TINYINT"
            or "UBIGINT" or "UINTEGER" or "USMALLINT" or "UTINYINT",
        _ => false,
    };

    /// <summary>The condition for <paramref name="fault"/> on a non-null native value (see <see cref="IsNative"/>).</summary>
    public static string NativeFault(RowFault fault, string value) => fault switch
    {
        RowFault.Missing => $"{value} IS NULL",
        // An instant's text always has an offset.
        RowFault.TimestampWithoutOffset => "false",
        // Infinities and instants outside years 1-9999 print as text that fails the text rule.
        RowFault.NotATimestamp => $"NOT coalesce({value} BETWEEN {Earliest} AND {Latest}, false)",
        RowFault.NotANumber => "false",
        RowFault.NotFinite => $"NOT isfinite(CAST({value} AS DOUBLE))",
        RowFault.Negative => $"CAST({value} AS DOUBLE) < 0",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "not a fault of a native value"),
    };

    /// <summary>The valid native <paramref name="value"/> converted to the type it is stored as.</summary>
    public static string NativeTyped(ColumnType type, string value) => type switch
    {
        ColumnType.Timestamp => $"make_timestamp(epoch_us({value}))",
        ColumnType.Decimal or ColumnType.NonNegativeDecimal => $"CAST({value} AS DOUBLE)",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a native column type"),
    };

    // ISO 8601 allows 12:00Z; DuckDB's cast wants seconds.
    private static string SecondsAdded(string value) => $@"regexp_replace({value}, '{WithoutSeconds}', '\1:00\2')";

    private static string NotWholeBetween(string value, int min, int max)
    {
        var number = $"try_cast({value} AS DOUBLE)";
        return string.Create(CultureInfo.InvariantCulture,
            $"NOT coalesce({number} BETWEEN {min} AND {max} AND {number} = trunc({number}), false)");
    }
}
