namespace UsageLens.Ingest.Files;

/// <summary>How a canonical column's text is validated and converted.</summary>
public enum ColumnType
{
    /// <summary>Any text, trimmed.</summary>
    Text,

    /// <summary>An ISO 8601 date and time with an offset (<c>Z</c> or <c>+02:00</c>), stored in UTC.</summary>
    Timestamp,

    /// <summary>A finite decimal number.</summary>
    Decimal,

    /// <summary>A finite decimal number of 0 or more.</summary>
    NonNegativeDecimal,

    /// <summary>A number from 0 to 100.</summary>
    Percentage,

    /// <summary>A whole number of 0 or more that fits a 32-bit integer.</summary>
    Count,

    /// <summary>An NPS score: a whole number from 0 to 10.</summary>
    Score,

    /// <summary><c>true</c> or <c>false</c> (any case).</summary>
    Boolean,

    /// <summary>A JSON object.</summary>
    JsonObject,

    /// <summary>A JSON object mapping each meter to a quantity of 0 or more.</summary>
    QuantityMap,
}
