using UsageLens.Core.Accounts;
using UsageLens.Core.Events;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Querying;

/// <summary>Where ClickHouse's own semantics differ from SQL's, the dialect must make the answers DuckDB's.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class DialectSemanticsTests(ClickHouseServers servers)
{
    [SkippableFact]
    public async Task In_and_not_in_give_null_for_a_null_value_on_both_engines()
    {
        ClickHouseRequirement.Check();
        using var pair = await EnginePair.OpenAsync(servers.SingleDatabase());
        await pair.WriteAsync(new IngestBatch([],
            [new AccountUpsert("a1", new Dictionary<AccountField, object?>(), null), SampleEvents.Account("a2", "smb"), SampleEvents.Account("a3", "mid")], []));
        var segment = new SqlColumn("a", "segment");
        SqlExpr[] smb = [new SqlValue("smb")];
        var query = new SqlSelect(
            [
                new SqlSelectItem(new SqlColumn("a", "account_id"), "account_id"),
                new SqlSelectItem(new SqlInList(segment, smb), "is_smb"),
                new SqlSelectItem(new SqlInList(segment, smb, Negated: true), "not_smb"),
                new SqlSelectItem(new SqlNot(new SqlInList(segment, smb)), "not_in_smb"),
            ],
            new SqlTable(WorkspaceTable.Accounts, "a"),
            OrderBy: [new SqlOrder(new SqlColumn("a", "account_id"))]);
        object?[][] expected = [["a1", null, null, null], ["a2", 1L, 0L, 0L], ["a3", 0L, 1L, 1L]];

        var (duck, clickHouse) = await pair.QueryBothAsync(query);

        Assert.Equal(expected, duck);
        Assert.Equal(expected, clickHouse);
    }

    [SkippableFact]
    public async Task A_not_in_filter_drops_accounts_without_a_value_on_both_engines()
    {
        ClickHouseRequirement.Check();
        using var pair = await EnginePair.OpenAsync(servers.SingleDatabase());
        await pair.WriteAsync(new IngestBatch([],
            [new AccountUpsert("a1", new Dictionary<AccountField, object?>(), null), SampleEvents.Account("a2", "smb"), SampleEvents.Account("a3", "mid")], []));
        var query = new SqlSelect(
            [new SqlSelectItem(new SqlColumn("a", "account_id"), "account_id")],
            new SqlTable(WorkspaceTable.Accounts, "a"),
            Where: new SqlInList(new SqlColumn("a", "segment"), [new SqlValue("smb"), new SqlValue("enterprise")], Negated: true));

        var (duck, clickHouse) = await pair.QueryBothAsync(query);

        Assert.Equal([["a3"]], duck);
        Assert.Equal([["a3"]], clickHouse);
    }

    [SkippableFact]
    public async Task Week_buckets_starting_sunday_or_monday_are_the_same_days_on_both_engines()
    {
        ClickHouseRequirement.Check();
        using var pair = await EnginePair.OpenAsync(servers.SingleDatabase());
        // Around midnight on both sides of week starts, across a new year, and 18:40 UTC on a Sunday,
        // which is already Monday in the test servers' zone (Asia/Kolkata).
        DateTime[] times =
        [
            Utc(2026, 11, 7, 23, 59, 59), Utc(2026, 11, 8, 0, 0, 0), Utc(2026, 11, 8, 18, 40, 0), Utc(2026, 11, 9, 0, 0, 0),
            Utc(2026, 11, 14, 23, 59, 59), Utc(2026, 11, 15, 0, 0, 0), Utc(2026, 1, 1, 2, 0, 0), Utc(2026, 3, 1, 3, 0, 0), Utc(2025, 12, 29, 5, 0, 0),
        ];
        await pair.WriteAsync(IngestBatch.OfEvents([.. times.Select((t, i) =>
            new UsageEvent($"e{i}", "test", t, "a1", null, "login", 1, "count", null, null, null, null))]));
        var timestamp = new SqlColumn("e", "timestamp");
        var query = new SqlSelect(
            [
                new SqlSelectItem(new SqlColumn("e", "timestamp"), "at"),
                new SqlSelectItem(new SqlTimeBucket(Grain.Week, timestamp, DayOfWeek.Sunday), "sunday_week"),
                new SqlSelectItem(new SqlTimeBucket(Grain.Week, timestamp, DayOfWeek.Monday), "monday_week"),
            ],
            new SqlTable(WorkspaceTable.Events, "e"),
            OrderBy: [new SqlOrder(timestamp)]);
        var expected = times.Order().Select(t => new object?[]
        {
            t, t.Date.AddDays(-(int)t.DayOfWeek), t.Date.AddDays(-(((int)t.DayOfWeek + 6) % 7)),
        }).ToList();

        var (duck, clickHouse) = await pair.QueryBothAsync(query);

        Assert.Equal(expected.Select(Text), duck.Select(Text));
        Assert.Equal(expected.Select(Text), clickHouse.Select(Text));
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second) => new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    private static string Text(object?[] row) => string.Join(" | ", row.Select(v => ((DateTime)v!).ToString("yyyy-MM-dd HH:mm:ss ddd", System.Globalization.CultureInfo.InvariantCulture)));
}
