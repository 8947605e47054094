namespace UsageLens.Ingest.Files;

/// <summary>The checks each <see cref="ColumnType"/> needs, in the order they apply, and their wording.</summary>
public static class RowFaults
{
    private const int MaxEchoedLength = 60;

    /// <summary>The faults a non-empty value of <paramref name="type"/> is checked for, first match wins.</summary>
    public static IReadOnlyList<RowFault> ChecksFor(ColumnType type) => type switch
    {
        ColumnType.Text => [],
        ColumnType.Timestamp => [RowFault.TimestampWithoutOffset, RowFault.NotATimestamp],
        ColumnType.Decimal => [RowFault.NotANumber, RowFault.NotFinite],
        ColumnType.NonNegativeDecimal => [RowFault.NotANumber, RowFault.NotFinite, RowFault.Negative],
        ColumnType.Percentage => [RowFault.NotANumber, RowFault.NotAPercentage],
        ColumnType.Count => [RowFault.NotACount],
        ColumnType.Score => [RowFault.NotAScore],
        ColumnType.Boolean => [RowFault.NotABoolean],
        ColumnType.JsonObject => [RowFault.NotAJsonObject],
        ColumnType.QuantityMap => [RowFault.NotAJsonObject, RowFault.NotAQuantityMap],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The reason, without the location: <c>timestamp '2026-13-01' is not a valid ISO 8601 time with offset</c>.</summary>
    public static string Describe(RowFault fault, string? column, string? value)
    {
        var quoted = $"{column} '{Echo(value)}'";
        return fault switch
        {
            RowFault.InvalidJson => "the line is not valid JSON",
            RowFault.NotAJsonObjectLine => "the line is not a JSON object",
            RowFault.Missing => $"{column} is missing or empty",
            RowFault.TimestampWithoutOffset => $"{quoted} has no UTC offset; add Z or an offset such as +02:00",
            RowFault.NotATimestamp => $"{quoted} is not a valid ISO 8601 time with offset",
            RowFault.NotANumber => $"{quoted} is not a number",
            RowFault.NotFinite => $"{quoted} is not a finite number",
            RowFault.Negative => $"{quoted} is negative",
            RowFault.NotAPercentage => $"{quoted} is not a percentage from 0 to 100",
            RowFault.NotACount => $"{quoted} is not a whole number of 0 or more",
            RowFault.NotAScore => $"{quoted} is not a whole number from 0 to 10",
            RowFault.NotABoolean => $"{quoted} is not true or false",
            RowFault.NotAJsonObject => $"{quoted} is not a JSON object",
            RowFault.NotAQuantityMap => $"{quoted} does not map every meter to a number of 0 or more",
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
    }

    /// <summary>The full message: <c>events.csv line 18: timestamp '2026-13-01' is not a valid ISO 8601 time with offset</c>.</summary>
    public static string Message(RowLocation location, RowFault fault, string? column, string? value) =>
        $"{location}: {Describe(fault, column, value)}";

    // A whole JSON document or a pasted paragraph would drown the message.
    private static string Echo(string? value) =>
        value is null ? "" : value.Length <= MaxEchoedLength ? value : string.Concat(value.AsSpan(0, MaxEchoedLength - 3), "...");
}
