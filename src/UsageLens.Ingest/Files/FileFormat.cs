namespace UsageLens.Ingest.Files;

/// <summary>A file layout UsageLens imports, detected from the file extension.</summary>
public enum FileFormat
{
    /// <summary>Comma-separated values with a header row.</summary>
    Csv,

    /// <summary>One JSON object per line (<c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c>).</summary>
    JsonLines,

    /// <summary>Apache Parquet.</summary>
    Parquet,
}
