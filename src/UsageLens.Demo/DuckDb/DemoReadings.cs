using System.Globalization;
using DuckDB.NET.Data;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Demo.DuckDb;

/// <summary>
/// Writes the manufacturing profile's readings as events: appended to a temporary table as they are
/// generated, then moved into <c>events</c> in batches, so they never sit in memory all at once.
/// Each carries its machine and line as properties, and a state change its new state.
/// </summary>
internal static class DemoReadings
{
    private const string Table = "demo_readings";
    private const int Batch = 500_000;

    public static long Append(DuckDBConnection connection, DemoScenario scenario, IProgress<DemoProgress>? progress, CancellationToken cancellationToken)
    {
        if (scenario.ReadingCount == 0)
        {
            return 0;
        }
        DuckDbCommands.Execute(connection, $"""
            CREATE OR REPLACE TEMP TABLE {Table} (
                n BIGINT NOT NULL, timestamp TIMESTAMP NOT NULL, account_id VARCHAR NOT NULL, event VARCHAR NOT NULL,
                quantity DOUBLE NOT NULL, unit VARCHAR NOT NULL, product VARCHAR NOT NULL, properties VARCHAR NOT NULL)
            """);
        try
        {
            var products = scenario.Meters.ToDictionary(m => m.Event, m => m.Product, StringComparer.Ordinal);
            long written = 0;
            var pending = 0;
            var appender = connection.CreateAppender(Table);
            try
            {
                foreach (var reading in scenario.Readings)
                {
                    var machine = scenario.Machines[reading.Machine];
                    appender.CreateRow()
                        .AppendValue(written + pending).AppendValue(reading.Timestamp).AppendValue(scenario.Accounts[reading.AccountIndex].AccountId)
                        .AppendValue(reading.Event).AppendValue(reading.Quantity).AppendValue(reading.Unit).AppendValue(products[reading.Event])
                        .AppendValue(Properties(machine, reading.State))
                        .EndRow();
                    if (++pending == Batch)
                    {
                        appender.Dispose();
                        written += Move(connection, scenario);
                        pending = 0;
                        progress?.Report(new DemoProgress("readings", written, scenario.EventCount));
                        cancellationToken.ThrowIfCancellationRequested();
                        appender = connection.CreateAppender(Table);
                    }
                }
            }
            finally
            {
                appender.Dispose();
            }
            written += Move(connection, scenario);
            DuckDbCommands.Execute(connection, """
                INSERT INTO event_property_keys (key)
                SELECT key FROM (VALUES ('line'), ('machine_id'), ('state')) AS k(key)
                WHERE key NOT IN (SELECT key FROM event_property_keys)
                """);
            progress?.Report(new DemoProgress("readings", written, scenario.EventCount));
            return written;
        }
        finally
        {
            DuckDbCommands.Execute(connection, $"DROP TABLE IF EXISTS {Table}");
        }
    }

    private static long Move(DuckDBConnection connection, DemoScenario scenario)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"demo-{scenario.Options.Seed}-m");
        var moved = DuckDbCommands.Execute(connection, $"""
            INSERT INTO events (source, id, timestamp, account_id, user_id, event, quantity, unit,
                                product, classification, properties, original_event, ingested_at)
            SELECT '', $1 || CAST(n AS VARCHAR), timestamp, account_id, NULL, event, quantity, unit, product, 'core', CAST(properties AS JSON), NULL, timestamp
            FROM {Table}
            """, prefix);
        DuckDbCommands.Execute(connection, $"DELETE FROM {Table}");
        return moved;
    }

    private static string Properties(DemoMachine machine, string? state) => state is null
        ? $$"""{"line":"{{machine.Line}}","machine_id":"{{machine.MachineId}}"}"""
        : $$"""{"line":"{{machine.Line}}","machine_id":"{{machine.MachineId}}","state":"{{state}}"}""";
}
