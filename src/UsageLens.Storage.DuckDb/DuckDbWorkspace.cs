using DuckDB.NET.Data;
using UsageLens.Core;
using UsageLens.Storage.DuckDb.Schema;

namespace UsageLens.Storage.DuckDb;

/// <summary>
/// An embedded workspace: one DuckDB file. Opening it applies pending schema migrations.
/// Connections are cheap and share one database instance, so each operation opens its own.
/// </summary>
public sealed class DuckDbWorkspace : IDisposable
{
    private readonly DuckDBConnection _keepAlive;

    private DuckDbWorkspace(string path, DuckDBConnection keepAlive)
    {
        Path = path;
        _keepAlive = keepAlive;
    }

    /// <summary>
    /// The environment variable that caps the memory DuckDB keeps for a workspace (its buffer of table data and
    /// intermediate results), as a size such as <c>1GB</c> or <c>768MiB</c>; beyond it DuckDB spills to disk.
    /// Unset, DuckDB takes up to 80% of the machine's memory, which suits a machine of its own but not one shared.
    /// </summary>
    public const string MemoryLimitVariable = "USAGELENS_DUCKDB_MEMORY_LIMIT";

    /// <summary>The workspace file, or <c>:memory:</c>.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the workspace at <paramref name="path"/>, with the memory limit of <see cref="MemoryLimitVariable"/>.</summary>
    public static DuckDbWorkspace Open(string path) => Open(path, Environment.GetEnvironmentVariable(MemoryLimitVariable));

    internal static DuckDbWorkspace Open(string path, string? memoryLimit)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var connection = OpenConnection(path);
        try
        {
            LimitMemory(connection, memoryLimit);
            SchemaMigrations.Apply(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new DuckDbWorkspace(path, connection);
    }

    private static DuckDBConnection OpenConnection(string path)
    {
        var connection = new DuckDBConnection(ConnectionString(path));
        try
        {
            connection.Open();
            return connection;
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw new UsageLensException($"cannot open workspace '{path}': {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>
    /// An open connection to the workspace, for the writers that work in DuckDB's own SQL (the demo
    /// writer, the file importer) through <see cref="DuckDbCommands"/>, <c>EventStaging</c> and
    /// <c>EventMerge</c>. The caller disposes it.
    /// </summary>
    public DuckDBConnection OpenConnection()
    {
        // DuckDB.NET refuses Duplicate for files. A new connection with the same connection string joins
        // the database instance DuckDB.NET already holds open for that file; an in-memory database is
        // only reachable through its own connections, so it is duplicated.
        var connection = Path == ":memory:" ? _keepAlive.Duplicate() : new DuckDBConnection(_keepAlive.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Whether any event or account is stored.</summary>
    public bool HasData()
    {
        using var connection = OpenConnection();
        return DuckDbCommands.Scalar(connection, "SELECT (SELECT count(*) FROM (SELECT 1 FROM events LIMIT 1)) + (SELECT count(*) FROM (SELECT 1 FROM accounts LIMIT 1))") is long n && n > 0;
    }

    public void Dispose() => _keepAlive.Dispose();

    // The setting belongs to the database instance, so every connection the workspace opens shares it.
    private static void LimitMemory(DuckDBConnection connection, string? limit)
    {
        if (string.IsNullOrWhiteSpace(limit))
        {
            return;
        }
        try
        {
            DuckDbCommands.Execute(connection, "SET memory_limit = $1", limit.Trim());
        }
        catch (DuckDBException ex)
        {
            throw new UsageLensException($"{MemoryLimitVariable}: '{limit}' is not a memory size DuckDB accepts, such as 1GB or 768MiB ({FirstLine(ex.Message)})", ex);
        }
    }

    private static string ConnectionString(string path) =>
        path == ":memory:" ? "Data Source=:memory:" : $"Data Source={System.IO.Path.GetFullPath(path)}";

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
