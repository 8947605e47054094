using UsageLens.Core;
using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Ingestion;

/// <summary>
/// Each event is stored once, whatever is replayed or half-written before, on one server and on the
/// sharded cluster; the rollups count exactly the stored events.
/// </summary>
[Collection(ClickHouseCollection.Name)]
public sealed class EventIngestionTests(ClickHouseServers servers)
{
    // Six accounts, so that the cluster puts events on both shards.
    private static readonly UsageEvent[] s_batch =
    [
        SampleEvents.Call("1", "a1", 1, 2), SampleEvents.Call("2", "a2", 2, 3), SampleEvents.Call("3", "a3", 3, 5),
        SampleEvents.Call("4", "a4", 4, 7), SampleEvents.Call("5", "a5", 5, 11), SampleEvents.Call("6", "a6", 6, 13),
        SampleEvents.Call("7", "a1", 60 * 24 + 7, 17), SampleEvents.Call("8", "a4", 60 * 24 * 3 + 8, 19),
    ];

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task A_replayed_batch_stores_nothing_new(string layout)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        using var store = Store(workspace);

        var first = await store.WriteAsync(IngestBatch.OfEvents(s_batch), default);
        var replay = await store.WriteAsync(IngestBatch.OfEvents(s_batch), default);

        Assert.Equal(new IngestOutcome(8, 0, 0, 0), first);
        Assert.Equal(new IngestOutcome(0, 8, 0, 0), replay);
        // 8 events of 2+3+5+7+11+13+17+19 = 77 calls.
        await AssertStoredAsync(workspace, events: 8, quantity: 77);
    }

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task A_resend_whose_timestamp_moved_within_a_day_is_stored_once_and_a_reused_id_days_later_is_new(string layout)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        using var store = Store(workspace);
        await store.WriteAsync(IngestBatch.OfEvents([SampleEvents.Call("1", "a1", 12 * 60, 2), SampleEvents.Call("2", "a2", 12 * 60, 3)]), default);

        // A resend corrected for clock skew moves by minutes or hours (here 23 h either way, into other days and, for
        // the first, another account); an id reused a week later is outside the window and is a new event.
        var resent = await store.WriteAsync(IngestBatch.OfEvents([SampleEvents.Call("1", "a5", 60 - 1, 2), SampleEvents.Call("2", "a2", 35 * 60, 3)]), default);
        var later = await store.WriteAsync(IngestBatch.OfEvents([SampleEvents.Call("1", "a1", 7 * 24 * 60, 5)]), default);

        Assert.Equal(new IngestOutcome(0, 2, 0, 0), resent);
        Assert.Equal(new IngestOutcome(1, 0, 0, 0), later);
        var rows = await workspace.Entry.QueryAsync(
            "SELECT (SELECT count() FROM events), (SELECT sum(quantity) FROM events), (SELECT sum(events) FROM rollup_user_days), (SELECT sum(quantity) FROM rollup_user_days)", default);
        Assert.Equal([3L, 10.0, 3L, 10.0], rows.Rows[0]);
    }

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task Duplicates_within_one_batch_keep_the_first_arrival(string layout)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        using var store = Store(workspace);
        UsageEvent[] batch =
        [
            SampleEvents.Call("1", "a1", 1, 2), SampleEvents.Call("2", "a2", 2, 3),
            SampleEvents.Call("1", "a1", 1, 100), SampleEvents.Call("2", "a5", 9, 1000), SampleEvents.Call("1", "a1", 1, 2),
        ];

        var outcome = await store.WriteAsync(IngestBatch.OfEvents(batch), default);

        Assert.Equal(new IngestOutcome(2, 3, 0, 0), outcome);
        await AssertStoredAsync(workspace, events: 2, quantity: 5);
        var rows = await workspace.Entry.QueryAsync("SELECT id, account_id, quantity FROM events ORDER BY id", default);
        Assert.Equal([["1", "a1", 2.0], ["2", "a2", 3.0]], rows.Rows);
    }

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task A_batch_that_was_partly_stored_before_ends_with_each_event_once(string layout)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        using var store = Store(workspace);
        // As if the insert of the whole batch had failed after three of its events were stored.
        await store.WriteAsync(IngestBatch.OfEvents([s_batch[0], s_batch[3], s_batch[7]]), default);

        var retry = await store.WriteAsync(IngestBatch.OfEvents(s_batch), default);

        Assert.Equal(new IngestOutcome(5, 3, 0, 0), retry);
        await AssertStoredAsync(workspace, events: 8, quantity: 77);
        var copies = await workspace.Entry.QueryAsync("SELECT source, id, count() AS n FROM events GROUP BY source, id HAVING n > 1", default);
        Assert.Empty(copies.Rows);
    }

    // A Segment message without "timestamp" is timed by its arrival, and its account is looked up
    // from the user's latest link, so a retried message can come back with another time or account.
    // (source, id) alone decides, as on DuckDB.
    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task A_retried_event_with_another_time_or_account_is_not_stored_again(string layout)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        using var store = Store(workspace);
        await store.WriteAsync(IngestBatch.OfEvents([s_batch[0], s_batch[1]]), default);
        var retried = new[] { s_batch[0] with { Timestamp = s_batch[0].Timestamp.AddDays(2) }, s_batch[1] with { AccountId = "a6" }, s_batch[2] };

        var outcome = await store.WriteAsync(IngestBatch.OfEvents(retried), default);

        Assert.Equal(new IngestOutcome(1, 2, 0, 0), outcome);
        await AssertStoredAsync(workspace, events: 3, quantity: 10);
    }

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task A_unit_conflict_refuses_the_whole_batch_naming_the_event(string layout)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        using var store = Store(workspace);
        await store.WriteAsync(IngestBatch.OfEvents([s_batch[0]]), default);
        var batch = new IngestBatch(
            [s_batch[1], SampleEvents.Call("x1", "a2", 30, 1, "count", "login"), SampleEvents.Call("x2", "a3", 31, 1, "requests")],
            [SampleEvents.Account("a2", "smb")],
            []);

        var error = await Assert.ThrowsAsync<UsageLensException>(() => store.WriteAsync(batch, default));

        Assert.Equal("events[2]: unit 'requests' conflicts with unit 'calls' of event 'api_call'", error.Message);
        await AssertStoredAsync(workspace, events: 1, quantity: 2);
        Assert.Equal(new Dictionary<string, string> { ["api_call"] = "calls" }, await store.GetMeterUnitsAsync(default));
        var accounts = await workspace.Entry.QueryAsync("SELECT count() FROM accounts FINAL", default);
        Assert.Equal(0L, accounts.Rows[0][0]);
    }

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task Two_units_for_a_new_event_in_one_batch_name_the_later_one(string layout)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        using var store = Store(workspace);
        UsageEvent[] batch = [SampleEvents.Call("1", "a1", 1, 1, "GB", "storage"), SampleEvents.Call("2", "a1", 2), SampleEvents.Call("3", "a1", 3, 1, "MB", "storage")];

        var error = await Assert.ThrowsAsync<UsageLensException>(() => store.WriteAsync(IngestBatch.OfEvents(batch), default));

        Assert.Equal("events[2]: unit 'MB' conflicts with unit 'GB' of event 'storage'", error.Message);
        await AssertStoredAsync(workspace, events: 0, quantity: 0);
        Assert.Empty(await store.GetMeterUnitsAsync(default));
    }

    // 18.16 would store such a time as another one (DateTime is UInt32 seconds and wraps).
    [SkippableTheory]
    [InlineData("1969-12-31T23:00:00")]
    [InlineData("2106-03-01T00:00:00")]
    public async Task An_event_at_a_time_clickhouse_cannot_hold_refuses_the_batch_naming_it(string time)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.SingleDatabase(), default);
        using var store = Store(workspace);
        var at = DateTime.SpecifyKind(DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        UsageEvent[] batch = [s_batch[0], s_batch[1] with { Timestamp = at }];

        var error = await Assert.ThrowsAsync<UsageLensException>(() => store.WriteAsync(IngestBatch.OfEvents(batch), default));

        Assert.Equal($"events[1]: timestamp {time}Z is outside 1970-01-01T00:00:00Z to 2105-12-31T23:59:59Z, the times ClickHouse holds", error.Message);
        await AssertStoredAsync(workspace, events: 0, quantity: 0);
    }

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task Meter_units_are_those_of_the_first_events_stored(string layout)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        using var store = Store(workspace);
        await store.WriteAsync(IngestBatch.OfEvents([SampleEvents.Call("1", "a1", 1), SampleEvents.Call("2", "a2", 2, 1, "count", "login")]), default);
        await store.WriteAsync(IngestBatch.OfEvents([SampleEvents.Call("3", "a3", 3, 4, "GB", "storage"), SampleEvents.Call("4", "a3", 4, 1, "count", "login")]), default);

        Assert.Equal(
            new Dictionary<string, string> { ["api_call"] = "calls", ["login"] = "count", ["storage"] = "GB" },
            await store.GetMeterUnitsAsync(default));
    }

    private static ClickHouseIngestionStore Store(ClickHouseWorkspace workspace) =>
        new(workspace, TimeProvider.System) { MinimumInsertInterval = TimeSpan.Zero };

    // The raw events and both rollups must all count exactly the events stored.
    private static async Task AssertStoredAsync(ClickHouseWorkspace workspace, long events, double quantity)
    {
        var rows = await workspace.Entry.QueryAsync(
            "SELECT (SELECT count() FROM events), (SELECT uniqExact(source, id) FROM events), (SELECT sum(quantity) FROM events), "
            + "(SELECT sum(events) FROM rollup_account_days), (SELECT sum(quantity) FROM rollup_account_days), "
            + "(SELECT sum(events) FROM rollup_user_days), (SELECT sum(quantity) FROM rollup_user_days)", default);
        Assert.Equal([events, events, quantity, events, quantity, events, quantity], rows.Rows[0]);
    }
}
