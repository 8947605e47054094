using System.Globalization;
using UsageLens.Demo.DuckDb;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Demo.Tests.DuckDb;

public sealed class ManufacturingDemoWriterTests
{
    private const string EventsChecksum = """
        SELECT count(*) || ':' || sum(hash(source, id, timestamp, account_id, user_id, event, quantity, unit, product,
                                         classification, CAST(properties AS VARCHAR), ingested_at)) FROM events
        """;

    private static DemoOptions Factories(int seed) => new(new DateOnly(2026, 11, 15), Accounts: 30, Days: 60, Seed: seed, Profile: DemoProfile.Manufacturing);

    [Fact]
    public void The_same_seed_writes_the_same_machine_events_and_another_seed_does_not()
    {
        Assert.Equal(Write(Factories(3)).Checksum, Write(Factories(3)).Checksum);
        Assert.NotEqual(Write(Factories(3)).Checksum, Write(Factories(4)).Checksum);
    }

    [Fact]
    public void Every_reading_is_stored_with_its_machine_and_the_meters_and_property_keys_are_registered()
    {
        var scenario = DemoScenario.Build(Factories(3));
        using var workspace = DuckDbWorkspace.Open(":memory:");

        var written = new DemoWriter(workspace).Write(scenario);

        Assert.Equal(scenario.EventCount, written);
        Assert.Equal(written, Count(workspace, "SELECT count(*) FROM events WHERE json_extract_string(properties, '$.machine_id') IS NOT NULL AND json_extract_string(properties, '$.line') IS NOT NULL"));
        Assert.Equal(0L, Count(workspace, "SELECT count(*) FROM events WHERE event = 'machine_state' AND json_extract_string(properties, '$.state') NOT IN ('running', 'down', 'maintenance', 'offline')"));
        Assert.Equal("defects:units,energy_kwh:kWh,machine_state:state,material_kg:kg,units_produced:units", Text(workspace, "SELECT string_agg(event || ':' || unit, ',' ORDER BY event) FROM meters"));
        Assert.Equal("line,machine_id,state", Text(workspace, "SELECT string_agg(key, ',' ORDER BY key) FROM event_property_keys"));
        Assert.Equal(scenario.Machines.Count, Count(workspace, "SELECT count(DISTINCT (account_id, json_extract_string(properties, '$.machine_id'))) FROM events WHERE event = 'machine_state'"));
    }

    [Fact]
    public void No_machine_changes_state_twice_at_the_same_instant()
    {
        using var workspace = DuckDbWorkspace.Open(":memory:");
        new DemoWriter(workspace).Write(DemoScenario.Build(Factories(5)));

        Assert.Equal(0L, Count(workspace, """
            SELECT count(*) FROM (
                SELECT account_id, json_extract_string(properties, '$.machine_id'), timestamp FROM events WHERE event = 'machine_state'
                GROUP BY ALL HAVING count(*) > 1)
            """));
    }

    [Fact]
    public void Wearing_machines_break_down_more_in_the_last_weeks_than_in_the_first()
    {
        var scenario = DemoScenario.Build(Factories(3) with { Accounts = 60 });
        var wearing = scenario.Machines.Select((m, i) => (m, i)).Where(x => x.m.Health == DemoMachineHealth.Degrading).Select(x => x.i).ToHashSet();
        var breakdowns = scenario.Readings.Where(r => r.State == "down" && wearing.Contains(r.Machine)).ToList();
        var start = scenario.Options.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var first = breakdowns.Count(r => r.Timestamp < start.AddDays(20));
        var last = breakdowns.Count(r => r.Timestamp >= start.AddDays(40));

        Assert.NotEmpty(wearing);
        Assert.True(last > 2 * first, $"{first} breakdowns in the first 20 days, {last} in the last 20");
    }

    private static (long Written, string Checksum) Write(DemoOptions options)
    {
        using var workspace = DuckDbWorkspace.Open(":memory:");
        var written = new DemoWriter(workspace).Write(DemoScenario.Build(options));
        return (written, Text(workspace, EventsChecksum));
    }

    private static long Count(DuckDbWorkspace workspace, string sql) => Convert.ToInt64(Scalar(workspace, sql), CultureInfo.InvariantCulture);

    private static string Text(DuckDbWorkspace workspace, string sql) => Convert.ToString(Scalar(workspace, sql), CultureInfo.InvariantCulture)!;

    private static object? Scalar(DuckDbWorkspace workspace, string sql)
    {
        using var connection = workspace.OpenConnection();
        return DuckDbCommands.Scalar(connection, sql);
    }
}
