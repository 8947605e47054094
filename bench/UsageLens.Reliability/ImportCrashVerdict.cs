using System.Text.Json.Serialization;

namespace UsageLens.Reliability;

/// <summary>
/// What killed imports left: each file's rows stored all or not at all (a finished import all of
/// them), no row twice, rollups equal to the raw events.
/// </summary>
internal sealed record ImportCrashVerdict(
    [property: JsonPropertyName("imports")] int Imports,
    [property: JsonPropertyName("killed")] int Killed,
    [property: JsonPropertyName("files_stored_whole")] int StoredWhole,
    [property: JsonPropertyName("files_stored_none")] int StoredNone,
    [property: JsonPropertyName("partial_files")] int Partial,
    [property: JsonPropertyName("finished_but_missing")] int FinishedButMissing,
    [property: JsonPropertyName("duplicated")] long Duplicated,
    [property: JsonPropertyName("rollup_disagreements")] IReadOnlyList<string> RollupDisagreements)
{
    /// <summary>
    /// Files partly visible right after their import was killed, before any recovery ran (ClickHouse: the moment a
    /// kill leaves a publish running on the server; DuckDB has no such moment, so it equals <see cref="Partial"/>).
    /// </summary>
    [JsonPropertyName("partial_before_recovery")]
    public int PartialBeforeRecovery { get; init; }

    [JsonPropertyName("passed")]
    public bool Passed => Partial == 0 && FinishedButMissing == 0 && Duplicated == 0 && RollupDisagreements.Count == 0;
}
