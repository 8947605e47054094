namespace UsageLens.Ingest.Files;

/// <summary>Why a row was refused. <see cref="RowFaults.Describe"/> words each one.</summary>
public enum RowFault
{
    InvalidJson,
    NotAJsonObjectLine,
    Missing,
    TimestampWithoutOffset,
    NotATimestamp,
    NotANumber,
    NotFinite,
    Negative,
    NotAPercentage,
    NotACount,
    NotAScore,
    NotABoolean,
    NotAJsonObject,
    NotAQuantityMap,
}
