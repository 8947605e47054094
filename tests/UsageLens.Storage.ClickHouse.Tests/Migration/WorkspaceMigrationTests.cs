using UsageLens.Core;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;
using UsageLens.Demo;
using UsageLens.Demo.DuckDb;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Migration;
using UsageLens.Storage.ClickHouse.Tests.Support;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Storage.ClickHouse.Tests.Migration;

/// <summary>A copy that was stopped resumes where it was, stores every event once, and the final count check catches a difference.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class WorkspaceMigrationTests(ClickHouseServers servers)
{
    private static readonly (WorkspaceTable Source, string Target)[] s_tables =
    [
        (WorkspaceTable.Accounts, "accounts"), (WorkspaceTable.Users, "users"), (WorkspaceTable.Subscriptions, "subscriptions"),
        (WorkspaceTable.Nps, "nps"), (WorkspaceTable.Partners, "partners"), (WorkspaceTable.Events, "events"),
    ];

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task A_stopped_copy_resumes_and_ends_with_every_row_once(string layout)
    {
        ClickHouseRequirement.Check();
        using var duck = DemoWorkspace();
        var source = new DuckDbQueryStore(duck);
        var expected = await SourceCountsAsync(source);
        using var target = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        using var cancellation = new CancellationTokenSource();
        var trip = new CancelAfterFirstEventBlock(cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Migration(source, target).RunAsync(trip, cancellation.Token));
        var partial = await EventCountsAsync(target);
        var outcome = await Migration(source, target).RunAsync(null, default);

        Assert.InRange(trip.CopiedWhenCancelled, 1, expected["events"] - 1);
        Assert.Equal(trip.CopiedWhenCancelled, partial.Count);
        Assert.True(outcome.Resumed);
        Assert.Equal(expected, outcome.Rows);
        var final = await EventCountsAsync(target);
        Assert.Equal((expected["events"], expected["events"], expected["events"]), final);
    }

    [SkippableFact]
    public async Task Events_already_in_the_target_are_not_copied_again()
    {
        ClickHouseRequirement.Check();
        using var duck = DemoWorkspace();
        var source = new DuckDbQueryStore(duck);
        using var target = await ClickHouseWorkspace.OpenAsync(servers.SingleDatabase(), default);
        // As if an earlier copy had stored these events but stopped before saving how far it got.
        var late = await SourceEventsAsync(source, 25);
        using (var store = new ClickHouseIngestionStore(target, TimeProvider.System) { MinimumInsertInterval = TimeSpan.Zero })
        {
            await store.WriteAsync(IngestBatch.OfEvents(late), default);
        }

        var outcome = await Migration(source, target).RunAsync(null, default);

        var total = (await SourceCountsAsync(source))["events"];
        Assert.False(outcome.Resumed);
        Assert.Equal(25, outcome.EventsAlreadyPresent);
        Assert.Equal((total, total, total), await EventCountsAsync(target));
    }

    // A workspace is often copied while it still takes events, then copied again to catch up.
    [SkippableFact]
    public async Task Copying_again_after_a_finished_copy_takes_the_events_added_to_the_source_since()
    {
        ClickHouseRequirement.Check();
        using var duck = DemoWorkspace();
        var source = new DuckDbQueryStore(duck);
        using var target = await ClickHouseWorkspace.OpenAsync(servers.SingleDatabase(), default);
        await Migration(source, target).RunAsync(null, default);
        var lastDay = new DateTime(2026, 11, 14, 23, 0, 0, DateTimeKind.Utc);
        using (var writer = new DuckDbIngestionStore(duck))
        {
            await writer.WriteAsync(IngestBatch.OfEvents(
                [SampleEvents.Call("late-1", "a-late", 0, unit: "count") with { Timestamp = lastDay }, SampleEvents.Call("late-2", "a-late", 0, unit: "count") with { Timestamp = lastDay.AddDays(-10) }]), default);
        }
        var total = (await SourceCountsAsync(source))["events"];

        var outcome = await Migration(source, target).RunAsync(null, default);

        Assert.Equal(total, outcome.Rows["events"]);
        Assert.Equal((total, total, total), await EventCountsAsync(target));
    }

    [SkippableFact]
    public async Task A_target_with_an_extra_event_fails_the_count_check_naming_the_table_and_both_counts()
    {
        ClickHouseRequirement.Check();
        using var duck = DemoWorkspace();
        var source = new DuckDbQueryStore(duck);
        var address = servers.SingleDatabase();
        using var target = await ClickHouseWorkspace.OpenAsync(address, default);
        await Migration(source, target).RunAsync(null, default);
        using (var store = new ClickHouseIngestionStore(target, TimeProvider.System) { MinimumInsertInterval = TimeSpan.Zero })
        {
            await store.WriteAsync(IngestBatch.OfEvents([SampleEvents.Call("extra", "a-extra", 1, unit: "count")]), default);
        }
        var events = (await SourceCountsAsync(source))["events"];

        var error = await Assert.ThrowsAsync<UsageLensException>(() => Migration(source, target).RunAsync(null, default));

        Assert.Equal($"migration check failed: events has {events} rows in the source but {events + 1} in {address}", error.Message);
    }

    private static WorkspaceMigration Migration(IQueryStore source, ClickHouseWorkspace target) =>
        new(source, target, TimeProvider.System) { BlockSize = 300 };

    private static DuckDbWorkspace DemoWorkspace()
    {
        var duck = DuckDbWorkspace.Open(":memory:");
        new DemoWriter(duck).Write(DemoScenario.Build(new DemoOptions(new DateOnly(2026, 11, 15), Accounts: 10, Days: 45, Seed: 7)));
        return duck;
    }

    // Counted on the source with plain SQL, independently of the copy.
    private static async Task<Dictionary<string, long>> SourceCountsAsync(IQueryStore source)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (table, name) in s_tables)
        {
            var rows = await source.QueryAsync(new SqlSelect([new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Count, null), "n")], new SqlTable(table, "t")), default);
            counts[name] = rows[0].GetInt64("n");
        }
        return counts;
    }

    // Rows, distinct (source, id) pairs and the rollup's event total: all three agree when no event is stored twice.
    private static async Task<(long Count, long Distinct, long Rollup)> EventCountsAsync(ClickHouseWorkspace target)
    {
        var rows = await target.Entry.QueryAsync(
            "SELECT (SELECT count() FROM events), (SELECT uniqExact(source, id) FROM events), (SELECT sum(events) FROM rollup_account_days)", default);
        return ((long)rows.Rows[0][0]!, (long)rows.Rows[0][1]!, (long)rows.Rows[0][2]!);
    }

    private static async Task<List<Core.Events.UsageEvent>> SourceEventsAsync(IQueryStore source, int count)
    {
        string[] columns = ["id", "source", "timestamp", "account_id", "user_id", "event", "quantity", "unit", "product", "classification", "properties", "original_event"];
        var rows = await source.QueryAsync(new SqlSelect(
            [.. columns.Select(c => new SqlSelectItem(new SqlColumn("e", c), c))],
            new SqlTable(WorkspaceTable.Events, "e"),
            OrderBy: [new SqlOrder(new SqlColumn("e", "timestamp"), Descending: true), new SqlOrder(new SqlColumn("e", "id"))],
            Limit: count), default);
        return [.. rows.Select(r => new Core.Events.UsageEvent(
            r.GetString("id"), r.GetString("source"), r.GetInstant("timestamp"), r.GetString("account_id"), r.GetNullableString("user_id"), r.GetString("event"),
            r.GetDouble("quantity"), r.GetString("unit"), r.GetNullableString("product"), r.GetNullableString("classification"), r.GetNullableString("properties"), r.GetNullableString("original_event")))];
    }
}
