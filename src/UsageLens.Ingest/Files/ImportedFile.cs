namespace UsageLens.Ingest.Files;

/// <summary>One file of an import.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="GeneratedIds">The events file had no <c>id</c> column, so ids are hashes of each row's content.</param>
/// <param name="IgnoredColumns">Columns a kind without traits or properties (subscriptions, nps) does not know.</param>
public sealed record ImportedFile(string File, FileFormat Format, long RowsRead, bool GeneratedIds, IReadOnlyList<string> IgnoredColumns);
