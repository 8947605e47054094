namespace UsageLens.Scale;

/// <summary>Everything one size measured.</summary>
internal sealed record ScaleFigures(
    long Events,
    TimeSpan Import,
    TimeSpan RawImport,
    IReadOnlyList<KpiTiming> Kpis,
    IngestFigures IngestEmpty,
    IngestFigures IngestFull,
    IngestFigures IngestPaced,
    long ServeRssBytes,
    long ServePeakRssBytes)
{
    /// <summary>Events imported per second over DuckDB's own load of the same file (≥ 0.8 is the goal).</summary>
    public double ImportRatio => RawImport / Import;
}
