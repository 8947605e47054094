using UsageLens.Ingest.Files;

namespace UsageLens.Storage.DuckDb.Tests.Import;

public sealed class EventFileImportTests : IDisposable
{
    private readonly ImportFixture _fixture = new();

    private const string ThreeEvents = """
        id,timestamp,account_id,user_id,event,quantity,unit
        e1,2026-10-01T02:00:00+02:00,acct-1,u-1,api_call,3,count
        e2,2026-10-01T12:30:00Z,acct-1,,storage_used,2.5,GB
        e3,2026-10-02T09:15:00-05:00,acct-2,u-9,api_call,,
        """;

    [Fact]
    public async Task Import_stores_csv_rows_with_times_converted_to_utc_and_defaults_applied()
    {
        var file = _fixture.Write("events.csv", ThreeEvents);

        var report = await _fixture.Import(ImportKind.Events, file);

        Assert.Equal((3L, 3L, 0L, false), (report.RowsRead, report.RowsStored, report.DuplicatesSkipped, report.GeneratedIds));
        var rows = _fixture.Rows("SELECT source, id, timestamp, account_id, user_id, event, quantity, unit FROM events ORDER BY id");
        Assert.Equal(["", "e1", new DateTime(2026, 10, 1, 0, 0, 0), "acct-1", "u-1", "api_call", 3d, "count"], rows[0]);
        Assert.Equal(["", "e2", new DateTime(2026, 10, 1, 12, 30, 0), "acct-1", null, "storage_used", 2.5d, "GB"], rows[1]);
        Assert.Equal(["", "e3", new DateTime(2026, 10, 2, 14, 15, 0), "acct-2", "u-9", "api_call", 1d, "count"], rows[2]);
    }

    public void Dispose() => _fixture.Dispose();
}
