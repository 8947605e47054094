using System.Globalization;
using DuckDB.NET.Data;
using UsageLens.Core.Storage;

namespace UsageLens.Storage.DuckDb.Schema;

/// <summary>
/// Reads a workspace file read-only for <c>usagelens doctor</c>. The tables it should have are those the
/// migrations create in a scratch in-memory database, so the list cannot drift from <see cref="SchemaMigrations"/>.
/// </summary>
internal static class DuckDbInspection
{
    private const string SchemaVersionTable = "schema_version";

    public static WorkspaceInspection Inspect(string path)
    {
        var expected = ExpectedTables();
        using var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        var present = Tables(connection);
        var version = present.Contains(SchemaVersionTable)
            ? Convert.ToInt32(DuckDbCommands.Scalar(connection, $"SELECT coalesce(max(version), 0) FROM {SchemaVersionTable}"), CultureInfo.InvariantCulture)
            : 0;
        var counts = expected.Where(present.Contains).Order(StringComparer.Ordinal).ToDictionary(
            table => table,
            table => Convert.ToInt64(DuckDbCommands.Scalar(connection, $"SELECT count(*) FROM \"{table}\""), CultureInfo.InvariantCulture));
        return new WorkspaceInspection(version, SchemaMigrations.LatestVersion, [.. expected.Where(t => !present.Contains(t)).Order(StringComparer.Ordinal)], counts);
    }

    private static HashSet<string> ExpectedTables()
    {
        using var scratch = new DuckDBConnection("Data Source=:memory:");
        scratch.Open();
        SchemaMigrations.Apply(scratch);
        return Tables(scratch);
    }

    private static HashSet<string> Tables(DuckDBConnection connection) =>
        DuckDbCommands.Rows(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'")
            .Select(row => (string)row[0]!)
            .ToHashSet(StringComparer.Ordinal);
}
