using UsageLens.Core;
using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Storage.DuckDb.Tests.Ingestion;

public sealed class DuckDbIngestionStoreTests : IDisposable
{
    private readonly DuckDbWorkspace _workspace = DuckDbWorkspace.Open(":memory:");

    private static readonly DateTime s_noon = new(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);

    private static UsageEvent Call(string id, string unit = "count", string source = "", DateTime? at = null) =>
        new(id, source, at ?? s_noon, "acct-1", "u-1", "api_call", 2, unit, null, null, null, null);

    [Fact]
    public async Task A_resend_whose_timestamp_moved_within_a_day_is_stored_once_and_a_reused_id_days_later_is_new()
    {
        using var store = new DuckDbIngestionStore(_workspace);
        await store.WriteAsync(IngestBatch.OfEvents([Call("e1"), Call("e2")]), default);

        // A resend corrected for clock skew moves by minutes or hours; an id reused a week later is outside the window.
        var resent = await store.WriteAsync(IngestBatch.OfEvents([Call("e1", at: s_noon.AddHours(-23)), Call("e2", at: s_noon.AddHours(23))]), default);
        var later = await store.WriteAsync(IngestBatch.OfEvents([Call("e1", at: s_noon.AddDays(7))]), default);

        Assert.Equal((0, 2), (resent.EventsStored, resent.DuplicateEvents));
        Assert.Equal(1, later.EventsStored);
        Assert.Equal(3L, Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_resent_batch_is_stored_once()
    {
        using var store = new DuckDbIngestionStore(_workspace);
        var batch = IngestBatch.OfEvents([Call("e1"), Call("e2")]);

        var first = await store.WriteAsync(batch, default);
        var second = await store.WriteAsync(batch, default);

        Assert.Equal((2, 0), (first.EventsStored, first.DuplicateEvents));
        Assert.Equal((0, 2), (second.EventsStored, second.DuplicateEvents));
        Assert.Equal(2L, Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task The_same_id_from_two_sources_is_two_events_and_repeats_within_a_batch_count_once()
    {
        using var store = new DuckDbIngestionStore(_workspace);

        var outcome = await store.WriteAsync(IngestBatch.OfEvents([Call("e1"), Call("e1", source: "billing"), Call("e1")]), default);

        Assert.Equal(2, outcome.EventsStored);
        Assert.Equal(2L, Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task Repeats_within_a_batch_keep_the_first_arrival_in_the_events_and_the_rollups()
    {
        using var store = new DuckDbIngestionStore(_workspace);
        UsageEvent[] batch =
        [
            Call("e1") with { Quantity = 2 }, Call("e2") with { Quantity = 3 },
            Call("e1") with { Quantity = 100 }, Call("e2") with { AccountId = "acct-5", Quantity = 1000 }, Call("e1") with { Quantity = 2 },
        ];

        var outcome = await store.WriteAsync(IngestBatch.OfEvents(batch), default);

        Assert.Equal((2, 3), (outcome.EventsStored, outcome.DuplicateEvents));
        Assert.Equal("e1 acct-1 2.0|e2 acct-1 3.0", Text("SELECT string_agg(id || ' ' || account_id || ' ' || quantity, '|' ORDER BY id) FROM events"));
        Assert.Equal("acct-1 2 5.0", Text("SELECT string_agg(account_id || ' ' || events || ' ' || quantity, '|') FROM rollup_account_days"));
    }

    [Fact]
    public async Task A_conflicting_unit_refuses_the_whole_batch()
    {
        using var store = new DuckDbIngestionStore(_workspace);
        await store.WriteAsync(IngestBatch.OfEvents([Call("e1")]), default);

        var error = await Assert.ThrowsAsync<UsageLensException>(() => store.WriteAsync(IngestBatch.OfEvents([Call("e2"), Call("e3", unit: "GB")]), default));

        Assert.Equal("events[1]: unit 'GB' conflicts with unit 'count' of event 'api_call'", error.Message);
        Assert.Equal(1L, Count("SELECT count(*) FROM events"));
    }

    private long Count(string sql)
    {
        using var connection = _workspace.OpenConnection();
        return Convert.ToInt64(DuckDbCommands.Scalar(connection, sql), System.Globalization.CultureInfo.InvariantCulture);
    }

    private string? Text(string sql)
    {
        using var connection = _workspace.OpenConnection();
        return DuckDbCommands.Scalar(connection, sql) as string;
    }

    public void Dispose() => _workspace.Dispose();
}
