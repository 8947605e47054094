namespace UsageLens.Core.Storage;

/// <summary>What a copy into another engine's workspace is for.</summary>
public enum CopyMode
{
    /// <summary>
    /// The target becomes a copy of the source: resumable after an interruption, and checked by row
    /// counts at the end (<c>usagelens migrate</c>, and the demo on an engine other than DuckDB).
    /// </summary>
    Migration,

    /// <summary>
    /// The source's rows are added to a target that may hold more (files staged in DuckDB): copied
    /// profiles become the latest versions, and there is neither a resume point nor a count check.
    /// </summary>
    Import,
}
