namespace UsageLens.Ingest.Files;

/// <summary>How one file's columns line up with a canonical schema.</summary>
/// <param name="Sources">Canonical column name → the file column that supplies it; absent columns are missing.</param>
/// <param name="Extras">Unknown columns that go into the schema's extras column (properties or traits), keyed by their name.</param>
/// <param name="Ignored">Unknown columns of a schema without an extras column.</param>
/// <param name="GeneratesIds">The schema's generated-id column is absent, so ids are content hashes.</param>
public sealed record ResolvedColumns(
    CanonicalSchema Schema,
    IReadOnlyDictionary<string, SourceColumn> Sources,
    IReadOnlyList<SourceColumn> Extras,
    IReadOnlyList<string> Ignored,
    bool GeneratesIds)
{
    /// <summary>The file column supplying canonical column <paramref name="name"/>, if the file has it.</summary>
    public SourceColumn? SourceOf(string name) => Sources.GetValueOrDefault(name);
}
