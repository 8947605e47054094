namespace UsageLens.Server.Dashboard;

/// <summary>
/// Whether ingestion has paused for <paramref name="quiet"/>: no commit (a new catalog generation) and no write waiting
/// or acknowledged and not merged since. Writes in flight count too: at 100M events one merge, or a compaction holding
/// the writer, can take longer than <paramref name="quiet"/> with no commit, and a refresh started inside it (the
/// customer list and insights, 46 s of reads there) took 12–22% of the two cores from the load.
/// </summary>
internal sealed class IngestionPause(TimeSpan quiet, long generation, DateTimeOffset now)
{
    private long _seen = generation;
    private DateTimeOffset _since = now;

    /// <summary>Notes what the writer looks like at <paramref name="now"/> and says whether the pause is long enough.</summary>
    public bool LongEnough(long generation, bool writing, DateTimeOffset now)
    {
        if (generation != _seen || writing)
        {
            (_seen, _since) = (generation, now);
        }
        return now - _since >= quiet;
    }
}
