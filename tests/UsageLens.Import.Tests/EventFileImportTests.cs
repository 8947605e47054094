using System.Security.Cryptography;
using System.Text;
using UsageLens.Ingest.Files;

namespace UsageLens.Import.Tests;

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
        Assert.Equal([["api_call", "count"], ["storage_used", "GB"]], _fixture.Rows("SELECT event, unit FROM meters ORDER BY event"));
    }

    [Fact]
    public async Task Reimporting_the_same_file_stores_nothing_new_and_reports_the_duplicates()
    {
        var file = _fixture.Write("events.csv", ThreeEvents);
        await _fixture.Import(ImportKind.Events, file);

        var again = await _fixture.Import(ImportKind.Events, file);

        Assert.Equal((0L, 3L), (again.RowsStored, again.DuplicatesSkipped));
        Assert.Equal(3L, _fixture.Long("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_file_without_ids_gets_content_hash_ids_so_a_reimport_dedupes()
    {
        var file = _fixture.Write("events.csv", """
            timestamp,account_id,event
            2026-10-01T00:00:00Z,acct-1,api_call
            2026-10-01T00:00:01Z,acct-1,api_call

            """);

        var first = await _fixture.Import(ImportKind.Events, file);
        var second = await _fixture.Import(ImportKind.Events, file);

        Assert.True(first.GeneratedIds);
        Assert.Equal((2L, 0L, 2L), (first.RowsStored, second.RowsStored, second.DuplicatesSkipped));
        // The canonical content: UTC time, account, user, event, quantity, unit, product, classification, properties.
        var expected = Sha256("2026-10-01T00:00:00.000000Z\u001facct-1\u001f\u001fapi_call\u001f1.0\u001fcount\u001f\u001f\u001f");
        Assert.Equal(expected, _fixture.Scalar("SELECT id FROM events WHERE timestamp = TIMESTAMP '2026-10-01 00:00:00'"));
    }

    [Fact]
    public async Task Column_names_match_case_insensitively_and_event_names_are_trimmed_but_kept_as_written()
    {
        var file = _fixture.Write("events.csv", """
            ID,TimeStamp,Account_ID,EVENT
            e1,2026-10-01T00:00:00Z,acct-1,  API Call

            """);

        await _fixture.Import(ImportKind.Events, file);

        Assert.Equal("API Call", _fixture.Scalar("SELECT event FROM events"));
    }

    [Fact]
    public async Task Map_renames_the_files_columns_to_canonical_ones()
    {
        var file = _fixture.Write("export.csv", """
            event_id,occurred_at,customer,what
            x1,2026-10-01T00:00:00Z,acct-7,report_generated

            """);
        var map = ColumnMap.Parse(["event_id=id", "Occurred_At=timestamp", "customer=account_id", "what=event"]);

        await _fixture.Import(ImportKind.Events, map, file);

        Assert.Equal([["x1", "acct-7", "report_generated"]], _fixture.Rows("SELECT id, account_id, event FROM events"));
    }

    [Fact]
    public async Task Unknown_columns_become_properties_merged_with_the_explicit_properties_column()
    {
        var file = _fixture.Write("events.csv", """
            id,timestamp,account_id,event,region,properties,tier
            e1,2026-10-01T00:00:00Z,acct-1,api_call,eu,"{""region"":""eu-west"",""sdk"":""go""}",
            e2,2026-10-01T00:00:00Z,acct-1,api_call,,,gold

            """);

        await _fixture.Import(ImportKind.Events, file);

        var rows = _fixture.Rows("""
            SELECT properties->>'region', properties->>'sdk', properties->>'tier', json_keys(properties)::VARCHAR FROM events ORDER BY id
            """);
        // The explicit column wins over an unknown column of the same name; empty cells add no key.
        Assert.Equal(["eu-west", "go", null, "[region, sdk]"], rows[0]);
        Assert.Equal([null, null, "gold", "[tier]"], rows[1]);
    }

    [Fact]
    public async Task Json_lines_are_imported_with_nested_properties_and_unknown_keys()
    {
        var file = _fixture.Write("events.jsonl", """
            {"id":"j1","timestamp":"2026-10-01T02:00:00+02:00","account_id":"acct-1","event":"api_call","quantity":2,"properties":{"path":"/v1"},"sdk":"go"}

            {"id":"j2","timestamp":"2026-10-01T03:00Z","account_id":"acct-2","event":"api_call"}

            """);

        var report = await _fixture.Import(ImportKind.Events, file);

        Assert.Equal(2L, report.RowsStored);
        var rows = _fixture.Rows("SELECT id, timestamp, quantity, properties->>'path', properties->>'sdk' FROM events ORDER BY id");
        Assert.Equal(["j1", new DateTime(2026, 10, 1, 0, 0, 0), 2d, "/v1", "go"], rows[0]);
        Assert.Equal(["j2", new DateTime(2026, 10, 1, 3, 0, 0), 1d, null, null], rows[1]);
    }

    [Fact]
    public async Task Parquet_is_imported_with_instants_in_utc_and_struct_properties()
    {
        var file = _fixture.PathOf("events.parquet");
        _fixture.Execute("""
            COPY (SELECT 'p1' AS id, TIMESTAMPTZ '2026-10-01 02:00:00+02' AS timestamp, 'acct-1' AS account_id,
                         'machine_hours' AS event, 1.5::DOUBLE AS quantity, 'h' AS unit, {'gpu': 'a100'} AS properties, 42 AS job)
            TO $1 (FORMAT parquet)
            """, file);

        var report = await _fixture.Import(ImportKind.Events, file);

        Assert.Equal(FileFormat.Parquet, report.Files[0].Format);
        Assert.Equal([["p1", new DateTime(2026, 10, 1, 0, 0, 0), "machine_hours", 1.5d, "h", "a100", 42L]],
            _fixture.Rows("SELECT id, timestamp, event, quantity, unit, properties->>'gpu', (properties->'job')::BIGINT FROM events"));
    }

    [Fact]
    public async Task Progress_reports_each_files_phases_in_order()
    {
        var first = _fixture.Write("a.csv", ThreeEvents);
        var second = _fixture.Write("b.csv", "id,timestamp,account_id,event\nb1,2026-10-01T00:00:00Z,acct-1,api_call\n");

        await _fixture.Import(ImportKind.Events, first, second);

        Assert.Equal(
            [
                (first, ImportPhase.Reading, 0L), (first, ImportPhase.Validating, 3L),
                (second, ImportPhase.Reading, 0L), (second, ImportPhase.Validating, 1L),
                (first, ImportPhase.Storing, 3L), (second, ImportPhase.Storing, 1L),
                (first, ImportPhase.Done, 3L), (second, ImportPhase.Done, 1L),
            ],
            _fixture.Progress.Select(p => (p.File, p.Phase, p.Rows)));
    }

    [Fact]
    public async Task Cancelling_during_an_import_stores_nothing()
    {
        var first = _fixture.Write("a.csv", ThreeEvents);
        var second = _fixture.Write("b.csv", "id,timestamp,account_id,event\nb1,2026-10-01T00:00:00Z,acct-1,api_call\n");
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelAt(ImportPhase.Validating, cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new DuckDbFileImporter(_fixture.Workspace).ImportAsync(ImportKind.Events, [first, second], ColumnMap.None, progress, cancellation.Token));

        Assert.Equal(0L, _fixture.Long("SELECT count(*) FROM events"));
    }

    private sealed class CancelAt(ImportPhase phase, CancellationTokenSource cancellation) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Phase == phase)
            {
                cancellation.Cancel();
            }
        }
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public void Dispose() => _fixture.Dispose();
}
