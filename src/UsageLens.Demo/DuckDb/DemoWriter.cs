using System.Globalization;
using DuckDB.NET.Data;
using UsageLens.Core;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Demo.DuckDb;

/// <summary>
/// Writes a <see cref="DemoScenario"/> into an empty workspace in one transaction: profiles and the
/// usage plan through appenders, the manufacturing readings as events, then events expanded from the
/// plan inside DuckDB.
/// </summary>
public sealed class DemoWriter(DuckDbWorkspace workspace)
{
    // Enough chunks for a smooth progress bar, each big enough to keep both cores busy.
    private const int TargetChunks = 20;
    private const long MinEventsPerChunk = 200_000;

    /// <summary>
    /// Writes the scenario and returns how many events were stored. Event ids are
    /// <c>demo-{seed}-{n}</c> with an empty source. Nothing is written if it fails or is cancelled.
    /// </summary>
    /// <exception cref="UsageLensException">The workspace already holds events or accounts.</exception>
    public long Write(DemoScenario scenario, IProgress<DemoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var connection = workspace.OpenConnection();
        RefuseNonEmpty(connection);
        var planned = scenario.EventCount - scenario.ReadingCount;
        var eventsPerChunk = Math.Max(MinEventsPerChunk, (planned + TargetChunks - 1) / TargetChunks);
        var chunks = (int)((planned + eventsPerChunk - 1) / eventsPerChunk);
        try
        {
            using var transaction = connection.BeginTransaction();
            progress?.Report(new DemoProgress("profiles", 0, scenario.EventCount));
            Stage(connection, scenario, eventsPerChunk);
            var written = DemoReadings.Append(connection, scenario, progress, cancellationToken);
            written += Expand(connection, scenario, chunks, written, progress, cancellationToken);
            progress?.Report(new DemoProgress("rollups", written, scenario.EventCount));
            EventRollups.Append(connection, "events");
            transaction.Commit();
            progress?.Report(new DemoProgress("done", written, scenario.EventCount));
            return written;
        }
        finally
        {
            DemoPlanTables.Drop(connection);
        }
    }

    private void RefuseNonEmpty(DuckDBConnection connection)
    {
        var rows = Convert.ToInt64(DuckDbCommands.Scalar(connection, "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM accounts)"), CultureInfo.InvariantCulture);
        if (rows > 0)
        {
            throw new UsageLensException($"workspace '{workspace.Path}' already holds data; the demo needs a new, empty workspace");
        }
    }

    private static void Stage(DuckDBConnection connection, DemoScenario scenario, long eventsPerChunk)
    {
        DemoPlanTables.Create(connection);
        DemoProfiles.Append(connection, scenario);
        DemoPlanTables.AppendRoster(connection, scenario);
        DemoPlanTables.CreateAccounts(connection, scenario);
        DemoPlanTables.InsertMeters(connection, scenario);
        DemoPlanTables.AppendPlan(connection, scenario, eventsPerChunk);
        DuckDbCommands.Execute(connection, $"INSERT INTO meters (event, unit) SELECT event, unit FROM {DemoPlanTables.Meters} ORDER BY meter_idx");
        DuckDbCommands.Execute(connection, $"""
            INSERT INTO event_property_keys (key)
            SELECT DISTINCT key FROM (SELECT unnest(json_keys(p)) AS key FROM (SELECT unnest(properties) AS p FROM {DemoPlanTables.Meters}))
            """);
    }

    private static long Expand(DuckDBConnection connection, DemoScenario scenario, int chunks, long before, IProgress<DemoProgress>? progress, CancellationToken cancellationToken)
    {
        var idPrefix = string.Create(CultureInfo.InvariantCulture, $"demo-{scenario.Options.Seed}-");
        // Event ids and contents do not depend on row order, and letting both threads write
        // unordered roughly halves the insert time. The setting is database-wide, so it is put back.
        var preserveOrder = Convert.ToString(DuckDbCommands.Scalar(connection, "SELECT current_setting('preserve_insertion_order')"), CultureInfo.InvariantCulture);
        DuckDbCommands.Execute(connection, "SET preserve_insertion_order = false");
        try
        {
            long written = 0;
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                written += DemoEventExpansion.ExpandChunk(connection, idPrefix, chunk, scenario.Options.Seed);
                progress?.Report(new DemoProgress("events", before + written, scenario.EventCount));
            }
            return written;
        }
        finally
        {
            DuckDbCommands.Execute(connection, string.Equals(preserveOrder, "false", StringComparison.OrdinalIgnoreCase)
                ? "SET preserve_insertion_order = false"
                : "SET preserve_insertion_order = true");
        }
    }
}
