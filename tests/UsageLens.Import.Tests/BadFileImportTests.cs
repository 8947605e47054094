using UsageLens.Ingest.Files;

namespace UsageLens.Import.Tests;

/// <summary>
/// Every bad file is imported as the second of two files, after a valid one, so each case also
/// shows that the valid first file was not stored either.
/// </summary>
public sealed class BadFileImportTests : IDisposable
{
    private readonly ImportFixture _fixture = new();

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    private const string EventHeader = "id,timestamp,account_id,event";

    public static TheoryData<ImportKind, string, string?, string> BadFiles => new()
    {
        { ImportKind.Events, "bad.csv", Lines(EventHeader, "b1,2026-10-01T00:00:00Z,acct-1,api_call", "b2,2026-13-01,acct-1,api_call"),
            "bad.csv line 3: timestamp '2026-13-01' is not a valid ISO 8601 time with offset" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader, "b1,2026-10-01T12:00:00,acct-1,api_call"),
            "bad.csv line 2: timestamp '2026-10-01T12:00:00' has no UTC offset; add Z or an offset such as +02:00" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader, "b1,2026-10-01T12:00:00Z,,api_call"),
            "bad.csv line 2: account_id is missing or empty" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader, "b1,2026-10-01T12:00:00Z,acct-1,   "),
            "bad.csv line 2: event is missing or empty" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader, ",2026-10-01T12:00:00Z,acct-1,api_call"),
            "bad.csv line 2: id is missing or empty" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader + ",quantity", "b1,2026-10-01T12:00:00Z,acct-1,api_call,NaN"),
            "bad.csv line 2: quantity 'NaN' is not a finite number" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader + ",quantity", "b1,2026-10-01T12:00:00Z,acct-1,api_call,-Infinity"),
            "bad.csv line 2: quantity '-Infinity' is not a finite number" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader + ",quantity", "b1,2026-10-01T12:00:00Z,acct-1,api_call,\"1,5\""),
            "bad.csv line 2: quantity '1,5' is not a number" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader + ",quantity,unit", "b1,2026-10-01T12:00:00Z,acct-1,storage_used,1,GB", "b2,2026-10-01T12:00:00Z,acct-1,storage_used,1,MB"),
            "bad.csv line 3: unit 'MB' conflicts with unit 'GB' of event 'storage_used'" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader + ",unit", "b1,2026-10-01T12:00:00Z,acct-1,api_call,calls"),
            "bad.csv line 2: unit 'calls' conflicts with unit 'count' of event 'api_call'" },
        // The unit conflict on line 2 comes before the bad time on line 3, and is the one reported.
        { ImportKind.Events, "bad.csv", Lines(EventHeader + ",unit", "b1,2026-10-01T12:00:00Z,acct-1,api_call,calls", "b2,yesterday,acct-1,api_call,"),
            "bad.csv line 2: unit 'calls' conflicts with unit 'count' of event 'api_call'" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader + ",properties", "b1,2026-10-01T12:00:00Z,acct-1,api_call,\"[1,2]\""),
            "bad.csv line 2: properties '[1,2]' is not a JSON object" },
        { ImportKind.Events, "bad.csv", Lines("id,account_id,event", "b1,acct-1,api_call"),
            "bad.csv: missing required column 'timestamp'" },
        { ImportKind.Events, "bad.csv", Lines("id,Timestamp,account_id,timestamp,event", "b1,2026-10-01T12:00:00Z,acct-1,2026-10-01T12:00:00Z,api_call"),
            "bad.csv: column 'Timestamp' appears more than once" },
        { ImportKind.Events, "bad.csv", Lines("id,,timestamp,account_id,event", "b1,x,2026-10-01T12:00:00Z,acct-1,api_call"),
            "bad.csv: column 2 has no name" },
        { ImportKind.Events, "bad.csv", "",
            "bad.csv: the file is empty" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader),
            "bad.csv: the file has a header but no rows" },
        { ImportKind.Events, "bad.txt", Lines(EventHeader, "b1,2026-10-01T12:00:00Z,acct-1,api_call"),
            "bad.txt: unknown file type '.txt'; use .csv, .jsonl, .ndjson, .json or .parquet" },
        { ImportKind.Events, "bad[1].csv", Lines(EventHeader, "b1,2026-10-01T12:00:00Z,acct-1,api_call"),
            "bad[1].csv: file names containing *, ? or [ cannot be imported; rename the file" },
        { ImportKind.Events, "missing.csv", null,
            "missing.csv: file not found" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader, "b1,2026-10-01T12:00:00Z,acct-1,api_call", "b2,2026-10-01T12:00:00Z,acct-1,api_call,extra"),
            "bad.csv line 3: expected 4 values but found 5" },
        { ImportKind.Events, "bad.csv", Lines(EventHeader, "b1,2026-10-01T12:00:00Z,acct-1,\"api_call"),
            "bad.csv line 2: a quoted value is not closed" },
        // A quoted value spanning two lines and a blank line: the bad row is on physical line 6.
        { ImportKind.Events, "bad.csv", Lines(EventHeader + ",properties", "b1,2026-10-01T12:00:00Z,acct-1,api_call,\"{", "\"\"a\"\": 1}\"", "", "b2,2026-10-01T12:00:00Z,acct-1,api_call,", "b3,soon,acct-1,api_call,"),
            "bad.csv line 6: timestamp 'soon' is not a valid ISO 8601 time with offset" },
        { ImportKind.Events, "bad.jsonl", Lines("{\"id\":\"b1\",\"timestamp\":\"2026-10-01T12:00:00Z\",\"account_id\":\"acct-1\",\"event\":\"api_call\"}", "", "{\"id\":\"b2\",", ""),
            "bad.jsonl line 3: the line is not valid JSON" },
        { ImportKind.Events, "bad.ndjson", Lines("{\"id\":\"b1\",\"timestamp\":\"2026-10-01T12:00:00Z\",\"account_id\":\"acct-1\",\"event\":\"api_call\"}", "[1, 2]"),
            "bad.ndjson line 2: the line is not a JSON object" },
        { ImportKind.Events, "bad.jsonl", Lines("{\"id\":\"b1\",\"timestamp\":\"2026-10-01T12:00:00Z\",\"account_id\":\"acct-1\",\"event\":\"api_call\"}", "{\"id\":\"b2\",\"timestamp\":\"2026-10-01T12:00:00Z\",\"account_id\":\"acct-1\"}"),
            "bad.jsonl line 2: event is missing or empty" },
        { ImportKind.Events, "bad.jsonl", Lines("{\"id\":\"b1\",\"timestamp\":\"2026-10-01T12:00:00Z\",\"account_id\":\"acct-1\",\"event\":\"api_call\",\"quantity\":1e400}"),
            "bad.jsonl line 1: quantity '1e400' is not a finite number" },
        // A pretty-printed JSON array is not JSON Lines: its first line says so, not the missing columns.
        { ImportKind.Events, "bad.json", Lines("[", "  {\"id\": \"b1\"}", "]"),
            "bad.json line 1: the line is not valid JSON" },
        { ImportKind.Accounts, "bad.csv", Lines("account_id,strategic", "a1,true", "a2,yes"),
            "bad.csv line 3: strategic 'yes' is not true or false" },
        { ImportKind.Accounts, "bad.csv", Lines("account_id,licensed_seats", "a1,2.5"),
            "bad.csv line 2: licensed_seats '2.5' is not a whole number of 0 or more" },
        { ImportKind.Accounts, "bad.csv", Lines("account_id,licensed_seats", "a1,-1"),
            "bad.csv line 2: licensed_seats '-1' is not a whole number of 0 or more" },
        { ImportKind.Accounts, "bad.csv", Lines("account_id,revenue", "a1,lots"),
            "bad.csv line 2: revenue 'lots' is not a number" },
        { ImportKind.Accounts, "bad.csv", Lines("account_id,created_at", "a1,2026-02-30T00:00:00Z"),
            "bad.csv line 2: created_at '2026-02-30T00:00:00Z' is not a valid ISO 8601 time with offset" },
        { ImportKind.Accounts, "bad.csv", Lines("account_id,traits", "a1,not json"),
            "bad.csv line 2: traits 'not json' is not a JSON object" },
        { ImportKind.Users, "bad.csv", Lines("user_id,email", "u1,ann@example.com"),
            "bad.csv: missing required column 'account_id'" },
        { ImportKind.Subscriptions, "bad.csv", Lines("account_id,effective_at,mrr", "a1,2026-10-01T00:00:00Z,-10"),
            "bad.csv line 2: mrr '-10' is negative" },
        { ImportKind.Subscriptions, "bad.csv", Lines("account_id,effective_at,mrr", "a1,2026-10-01T00:00:00Z,"),
            "bad.csv line 2: mrr is missing or empty" },
        { ImportKind.Subscriptions, "bad.csv", Lines("account_id,effective_at,mrr,discount_pct", "a1,2026-10-01T00:00:00Z,100,150"),
            "bad.csv line 2: discount_pct '150' is not a percentage from 0 to 100" },
        { ImportKind.Subscriptions, "bad.csv", Lines("account_id,effective_at,mrr,included_units", "a1,2026-10-01T00:00:00Z,100,\"{\"\"api_call\"\":\"\"lots\"\"}\""),
            "bad.csv line 2: included_units '{\"api_call\":\"lots\"}' does not map every meter to a number of 0 or more" },
        { ImportKind.Nps, "bad.csv", Lines("account_id,responded_at,score", "a1,2026-10-01T00:00:00Z,11"),
            "bad.csv line 2: score '11' is not a whole number from 0 to 10" },
        { ImportKind.Nps, "bad.csv", Lines("account_id,responded_at,score", "a1,2026-10-01T00:00:00Z,7.5"),
            "bad.csv line 2: score '7.5' is not a whole number from 0 to 10" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_second_file_is_refused_with_its_first_problem_and_nothing_is_stored(ImportKind kind, string name, string? content, string message)
    {
        await SeedApiCallsMeteredInCount();
        var good = _fixture.Write("good.csv", GoodFile(kind));
        var bad = content is null ? _fixture.PathOf(name) : _fixture.Write(name, content);
        var before = _fixture.Counts();

        var error = await _fixture.Refused(kind, good, bad);

        Assert.Equal(_fixture.Expected(message), error);
        Assert.Equal(before, _fixture.Counts());
    }

    [Fact]
    public async Task A_unit_conflicting_with_an_earlier_file_of_the_same_import_names_the_later_files_line()
    {
        var first = _fixture.Write("first.csv", Lines(EventHeader + ",unit", "f1,2026-10-01T00:00:00Z,acct-1,storage_used,GB"));
        var second = _fixture.Write("second.jsonl", Lines(
            "{\"id\":\"s1\",\"timestamp\":\"2026-10-01T00:00:00Z\",\"account_id\":\"acct-1\",\"event\":\"api_call\"}",
            "",
            "{\"id\":\"s2\",\"timestamp\":\"2026-10-01T00:00:00Z\",\"account_id\":\"acct-1\",\"event\":\"storage_used\",\"unit\":\"TB\"}"));

        var error = await _fixture.Refused(ImportKind.Events, first, second);

        Assert.Equal(_fixture.Expected("second.jsonl line 3: unit 'TB' conflicts with unit 'GB' of event 'storage_used'"), error);
        Assert.Equal([0L, 0L], _fixture.Counts().Take(2));
    }

    [Fact]
    public async Task A_corrupt_parquet_file_is_refused_naming_the_file()
    {
        var bad = _fixture.Write("bad.parquet", "this is not parquet at all");
        var before = _fixture.Counts();

        var error = await _fixture.Refused(ImportKind.Events, bad);

        Assert.Equal($"{bad}: cannot be read as Parquet: No magic bytes found at end of file '{bad}'", error);
        Assert.Equal(before, _fixture.Counts());
    }

    [Fact]
    public async Task A_parquet_row_without_a_timestamp_is_refused_naming_the_row()
    {
        var bad = _fixture.PathOf("bad.parquet");
        _fixture.Execute("""
            COPY (SELECT * FROM (VALUES ('p1', TIMESTAMPTZ '2026-10-01 00:00:00+00', 'acct-1', 'api_call'),
                                        ('p2', TIMESTAMPTZ '2026-10-01 00:00:00+00', 'acct-1', 'api_call')) t(id, timestamp, account_id, event)
                  UNION ALL SELECT 'p3', NULL, 'acct-1', 'api_call')
            TO $1 (FORMAT parquet)
            """, bad);

        var error = await _fixture.Refused(ImportKind.Events, bad);

        Assert.Equal($"{bad} row 3: timestamp is missing or empty", error);
        Assert.Equal(0L, _fixture.Long("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_parquet_timestamp_without_time_zone_is_refused_rather_than_guessed()
    {
        var bad = _fixture.PathOf("naive.parquet");
        _fixture.Execute("""
            COPY (SELECT 'p1' AS id, TIMESTAMP '2026-10-01 02:00:00' AS timestamp, 'acct-1' AS account_id, 'api_call' AS event)
            TO $1 (FORMAT parquet)
            """, bad);

        var error = await _fixture.Refused(ImportKind.Events, bad);

        Assert.Equal($"{bad} row 1: timestamp '2026-10-01 02:00:00' has no UTC offset; add Z or an offset such as +02:00", error);
        Assert.Equal(0L, _fixture.Long("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_map_naming_a_column_the_file_does_not_have_is_refused()
    {
        var file = _fixture.Write("events.csv", GoodFile(ImportKind.Events));
        var map = ColumnMap.Parse(["ts=timestamp"]);

        var error = await Assert.ThrowsAsync<Core.UsageLensException>(() => _fixture.Import(ImportKind.Events, map, file));

        Assert.Equal(_fixture.Expected("events.csv: --map ts=timestamp names column 'ts', which the file does not have (its columns: id, timestamp, account_id, event)"), error.Message);
        Assert.Equal(0L, _fixture.Long("SELECT count(*) FROM events"));
    }

    private async Task SeedApiCallsMeteredInCount()
    {
        var seed = _fixture.Write("seed.csv", Lines(EventHeader, "s1,2026-09-01T00:00:00Z,acct-1,api_call"));
        await _fixture.Import(ImportKind.Events, seed);
    }

    private static string GoodFile(ImportKind kind) => kind switch
    {
        ImportKind.Events => Lines(EventHeader, "g1,2026-10-01T00:00:00Z,acct-1,api_call"),
        ImportKind.Accounts => Lines("account_id,name", "acct-1,Acme"),
        ImportKind.Users => Lines("user_id,account_id", "u-1,acct-1"),
        ImportKind.Subscriptions => Lines("account_id,effective_at,mrr", "acct-1,2026-10-01T00:00:00Z,100"),
        ImportKind.Nps => Lines("account_id,responded_at,score", "acct-1,2026-10-01T00:00:00Z,9"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public void Dispose() => _fixture.Dispose();
}
