using System.Text.Json.Serialization;

namespace UsageLens.Reliability;

/// <summary>
/// The client's ledger held against the store: every acknowledged event stored exactly once, no
/// event stored twice, an unacknowledged batch stored whole or not at all, nothing stored that no
/// batch sent, and rollups equal to the raw events.
/// </summary>
internal sealed record CrashVerdict(
    [property: JsonPropertyName("batches")] long Batches,
    [property: JsonPropertyName("acknowledged_batches")] long AcknowledgedBatches,
    [property: JsonPropertyName("acknowledged_events")] long AcknowledgedEvents,
    [property: JsonPropertyName("unacknowledged_batches_stored_whole")] long UnacknowledgedStoredWhole,
    [property: JsonPropertyName("stored_events")] long StoredEvents,
    [property: JsonPropertyName("lost")] long Lost,
    [property: JsonPropertyName("duplicated")] long Duplicated,
    [property: JsonPropertyName("half_written_batches")] long HalfWritten,
    [property: JsonPropertyName("stray_events")] long Stray,
    [property: JsonPropertyName("rollup_disagreements")] IReadOnlyList<string> RollupDisagreements)
{
    [JsonPropertyName("passed")]
    public bool Passed => Lost == 0 && Duplicated == 0 && HalfWritten == 0 && Stray == 0 && RollupDisagreements.Count == 0;

    public static CrashVerdict Judge(IReadOnlyCollection<SegmentBatch> batches, Dictionary<string, long> stored, IReadOnlyList<string> rollupDisagreements)
    {
        long acknowledged = 0, acknowledgedEvents = 0, lost = 0, halfWritten = 0, storedWhole = 0;
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            var present = batch.MessageIds.Count(id => stored.ContainsKey(id));
            known.UnionWith(batch.MessageIds);
            if (batch.Acknowledged)
            {
                acknowledged++;
                acknowledgedEvents += batch.MessageIds.Count;
                lost += batch.MessageIds.Count - present;
            }
            else if (present == batch.MessageIds.Count)
            {
                storedWhole++;
            }
            else if (present > 0)
            {
                halfWritten++;
            }
        }
        return new CrashVerdict(batches.Count, acknowledged, acknowledgedEvents, storedWhole, stored.Values.Sum(),
            lost, stored.Values.Where(n => n > 1).Sum(n => n - 1), halfWritten, stored.Keys.Count(id => !known.Contains(id)), rollupDisagreements);
    }
}
