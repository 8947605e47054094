using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Storage.DuckDb.Tests.Ingestion;

/// <summary>
/// Many small commits leave a rollup row per key and commit; compaction folds the days they touched back to one
/// row per key, and the rollups still sum exactly what the raw events sum; the monthly activity rows of those days'
/// months fold to one per key, with the days the raw events were active on.
/// </summary>
public sealed class RollupCompactionTests : IDisposable
{
    private static readonly DateTime s_day = new(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);
    private readonly DuckDbWorkspace _workspace = DuckDbWorkspace.Open(":memory:");

    // What the user-day rollup must hold, computed from the raw events.
    private const string RawUserDays = """
        SELECT date_trunc('day', timestamp) AS day, account_id, user_id, event, count(*) AS events, sum(quantity) AS quantity, min(timestamp) AS first_at
        FROM events GROUP BY ALL ORDER BY ALL
        """;

    private const string RolledUserDays = """
        SELECT day, account_id, user_id, event, sum(events) AS events, sum(quantity) AS quantity, min(first_at) AS first_at
        FROM rollup_user_days GROUP BY ALL ORDER BY ALL
        """;

    private static UsageEvent Call(string id, string user, DateTime at, double quantity) =>
        new(id, "", at, "acct-" + user[0], user, "api_call", quantity, "count", null, null, null, null);

    [Fact]
    public async Task Ten_small_commits_fold_to_one_row_per_key_with_the_same_sums()
    {
        using var store = new DuckDbIngestionStore(_workspace);
        // Ten commits, each with a call by a1 and one by b1 on day 1, and every other one a call by a1 on day 2.
        for (var i = 0; i < 10; i++)
        {
            UsageEvent[] batch = i % 2 == 0
                ? [Call($"x{i}", "a1", s_day.AddMinutes(i), i + 1), Call($"y{i}", "b1", s_day.AddMinutes(30 + i), 2), Call($"z{i}", "a1", s_day.AddDays(1).AddHours(i), 0.5)]
                : [Call($"x{i}", "a1", s_day.AddMinutes(i), i + 1), Call($"y{i}", "b1", s_day.AddMinutes(30 + i), 2)];
            await store.WriteAsync(IngestBatch.OfEvents(batch), default);
        }
        Assert.Equal(25, Count("SELECT count(*) FROM rollup_user_days"));

        var outcome = await store.CompactRollupsAsync(default);

        // Keys: (day 1, a1), (day 1, b1), (day 2, a1), in both daily rollups; 25 user-day rows and 25 account-day rows
        // before. Monthly: (October, a1) and (October, b1), one row of each per commit, 20 before.
        Assert.Equal(new RollupCompactionOutcome(2, 70, 8), outcome);
        Assert.Equal(2, Count("SELECT count(*) FROM rollup_user_months"));
        Assert.Equal(Rows(UserMonthRows.FromEvents), Rows(UserMonthRows.Rolled));
        Assert.Equal(3, Count("SELECT count(*) FROM rollup_user_days"));
        Assert.Equal(3, Count("SELECT count(*) FROM rollup_account_days"));
        Assert.Equal(Rows(RawUserDays), Rows(RolledUserDays));
        Assert.Equal(55 + 10 * 2 + 5 * 0.5, Convert.ToDouble(Scalar("SELECT sum(quantity) FROM rollup_account_days"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, Count("SELECT count(*) FROM rollup_dirty_days"));
    }

    [Fact]
    public async Task Only_the_days_written_since_the_last_compaction_are_rewritten()
    {
        using var store = new DuckDbIngestionStore(_workspace);
        await store.WriteAsync(IngestBatch.OfEvents([Call("a", "a1", s_day, 1), Call("b", "a1", s_day.AddDays(1), 1)]), default);
        await store.CompactRollupsAsync(default);

        await store.WriteAsync(IngestBatch.OfEvents([Call("c", "a1", s_day.AddDays(1).AddHours(1), 4)]), default);
        await store.WriteAsync(IngestBatch.OfEvents([Call("d", "a1", s_day.AddDays(1).AddHours(2), 5)]), default);
        var second = await store.CompactRollupsAsync(default);
        var third = await store.CompactRollupsAsync(default);

        // Day 2 only: 3 rows per daily rollup to 1, and October's 3 monthly rows (one per write) to 1.
        Assert.Equal(new RollupCompactionOutcome(1, 9, 3), second);
        Assert.Equal(new RollupCompactionOutcome(0, 0, 0), third);
        Assert.Equal(Rows(RawUserDays), Rows(RolledUserDays));
        Assert.Equal(Rows(UserMonthRows.FromEvents), Rows(UserMonthRows.Rolled));
    }

    [Fact]
    public async Task Writes_into_days_without_rollup_rows_leave_nothing_to_fold()
    {
        using var store = new DuckDbIngestionStore(_workspace);
        // One write per day, as a first import or each new day of live traffic: one row per key already.
        await store.WriteAsync(IngestBatch.OfEvents([Call("a", "a1", s_day, 1), Call("b", "b1", s_day, 2)]), default);
        await store.WriteAsync(IngestBatch.OfEvents([Call("c", "a1", s_day.AddDays(1), 3)]), default);

        Assert.Equal(new RollupCompactionOutcome(0, 0, 0), await store.CompactRollupsAsync(default));
        Assert.Equal(3, Count("SELECT count(*) FROM rollup_user_days"));
    }

    [Fact]
    public async Task One_compaction_folds_the_newest_seven_days_and_the_next_one_the_rest()
    {
        using var store = new DuckDbIngestionStore(_workspace);
        var days = Enumerable.Range(0, 10).Select(d => s_day.AddDays(d)).ToList();
        await store.WriteAsync(IngestBatch.OfEvents(days.Select((d, i) => Call($"first{i}", "a1", d, 1)).ToList()), default);
        await store.WriteAsync(IngestBatch.OfEvents(days.Select((d, i) => Call($"again{i}", "a1", d.AddHours(1), 1)).ToList()), default);

        var first = await store.CompactRollupsAsync(default);
        var newestAfterFirst = Count("SELECT count(*) FROM rollup_user_days WHERE day >= TIMESTAMP '2026-10-04'");
        var second = await store.CompactRollupsAsync(default);

        // Two rows per day and daily rollup before; days 4–10 (seven) first, then days 1–3. The first folds October's two
        // monthly rows (one per write) to one; the second finds that key with one row already and leaves it.
        Assert.Equal(new RollupCompactionOutcome(7, 30, 15), first);
        Assert.Equal(7, newestAfterFirst);
        Assert.Equal(new RollupCompactionOutcome(3, 12, 6), second);
        Assert.Equal(1, Count("SELECT count(*) FROM rollup_user_months"));
        Assert.Equal(Rows(RawUserDays), Rows(RolledUserDays));
        Assert.Equal(Rows(UserMonthRows.FromEvents), Rows(UserMonthRows.Rolled));
        Assert.Equal(10, Count("SELECT count(*) FROM rollup_user_days"));
    }

    private List<string> Rows(string sql)
    {
        using var connection = _workspace.OpenConnection();
        return DuckDbCommands.Rows(connection, sql).Select(r => string.Join("|", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToList();
    }

    private object? Scalar(string sql)
    {
        using var connection = _workspace.OpenConnection();
        return DuckDbCommands.Scalar(connection, sql);
    }

    private long Count(string sql) => Convert.ToInt64(Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _workspace.Dispose();
}
