namespace UsageLens.Core.Storage;

/// <summary>
/// What a workspace holds, read without changing it (<c>usagelens doctor</c>): its schema version against the
/// latest this build knows (both null for an engine without numbered migrations), the tables it should have but
/// lacks, and the row count of each table it has.
/// </summary>
public sealed record WorkspaceInspection(
    int? SchemaVersion,
    int? LatestSchemaVersion,
    IReadOnlyList<string> MissingTables,
    IReadOnlyDictionary<string, long> RowCounts);
