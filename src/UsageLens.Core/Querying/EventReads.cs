namespace UsageLens.Core.Querying;

/// <summary>Whether event reads may be answered from the daily rollups.</summary>
public enum EventReads
{
    /// <summary>Read a daily rollup whenever it gives exactly the raw answer (the default).</summary>
    Rollups,

    /// <summary>Always read the raw events: the baseline the rollups are checked and benchmarked against.</summary>
    RawEvents,
}
