using UsageLens.Storage.ClickHouse;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Benchmarks.Engines;

/// <summary>The benchmark workspace's events as one Parquet file in the canonical events schema, written once.</summary>
internal static class BenchmarkEventsFile
{
    public static string Path(DuckDbWorkspace workspace)
    {
        var path = System.IO.Path.ChangeExtension(workspace.Path, ".events.parquet");
        if (!File.Exists(path))
        {
            Console.WriteLine($"// exporting the benchmark events to {path} (once)");
            using var connection = workspace.OpenConnection();
            // Timestamps travel as ISO 8601 text with Z: the import refuses a time without an offset.
            DuckDbCommands.Execute(connection, $"""
                COPY (SELECT id, strftime(timestamp, '%Y-%m-%dT%H:%M:%S.%fZ') AS timestamp, account_id, user_id, event, quantity, unit,
                             product, classification, CAST(properties AS VARCHAR) AS properties
                      FROM events ORDER BY timestamp)
                TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT PARQUET)
                """);
        }
        return path;
    }

    /// <summary>Drops an import run's database on every node of its address.</summary>
    public static void DropDatabase(string address)
    {
        var parsed = ClickHouseAddress.Parse(address);
        using var http = new HttpClient();
        foreach (var node in parsed.Nodes)
        {
            using var body = new StringContent($"DROP DATABASE IF EXISTS {parsed.Database}");
            http.PostAsync(node, body).GetAwaiter().GetResult().EnsureSuccessStatusCode();
        }
    }
}
