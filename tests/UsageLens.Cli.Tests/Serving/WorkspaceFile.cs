using DuckDB.NET.Data;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli.Tests.Serving;

/// <summary>Reads a workspace file directly (read-only), independently of the server that wrote it.</summary>
internal static class WorkspaceFile
{
    public static List<string> EventIds(string workspace)
    {
        using var connection = new DuckDBConnection($"Data Source={workspace};ACCESS_MODE=READ_ONLY");
        connection.Open();
        return [.. DuckDbCommands.Rows(connection, "SELECT id FROM events").Select(row => (string)row[0]!)];
    }

    /// <summary>Creates a key with the built CLI (the file is then closed again) and returns it.</summary>
    public static async Task<string> CreateKeyAsync(string directory, string workspace, string role) =>
        (await CliProcess.RunAsync(directory, "--db", workspace, "keys", "create", "--role", role)).Split('\n')[0].Trim();

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the load was not acknowledged in time");
            await Task.Delay(50);
        }
    }
}
