using System.Globalization;
using UsageLens.Demo;
using UsageLens.Demo.DuckDb;
using UsageLens.Storage.ClickHouse.Migration;
using UsageLens.Storage.ClickHouse.Tests.Support;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Storage.ClickHouse.Tests.Migration;

/// <summary>
/// An import into ClickHouse stopped at each point a kill can fall (tripped through its progress reports, so the stop
/// is exact) leaves nothing visible, and the next open of the workspace finishes a fully staged import or drops a
/// half-staged one. Expected rows are counted with plain SQL on the DuckDB fixture; stored rows with plain SQL on ClickHouse.
/// </summary>
[Collection(ClickHouseCollection.Name)]
public sealed class ImportRecoveryTests(ClickHouseServers servers)
{
    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task A_fully_staged_import_stopped_before_publishing_is_published_whole_by_the_next_open(string layout)
    {
        ClickHouseRequirement.Check();
        using var duck = Fixture();
        var address = servers.Database(layout);
        using (var target = await ClickHouseWorkspace.OpenAsync(address, default))
        {
            await StopAsync(Import(duck, target), "publish", copied: 0);

            Assert.Equal((0L, 0L, 0L, 0L), await StoredAsync(target));
            Assert.Equal("publishing", await StateAsync(target));
            Assert.True(await StagingTablesAsync(target) > 0);
        }

        using var reopened = await ClickHouseWorkspace.OpenAsync(address, default);

        var events = Count(duck, "events");
        Assert.Equal((events, events, events, Count(duck, "accounts")), await StoredAsync(reopened));
        Assert.Equal("published", await StateAsync(reopened));
        Assert.Equal(0, await StagingTablesAsync(reopened));
    }

    [SkippableFact]
    public async Task An_import_stopped_between_publishing_events_and_profiles_is_finished_by_the_next_open()
    {
        ClickHouseRequirement.Check();
        using var duck = Fixture();
        var address = servers.SingleDatabase();
        var events = Count(duck, "events");
        using (var target = await ClickHouseWorkspace.OpenAsync(address, default))
        {
            await StopAsync(Import(duck, target), "publish", copied: 1);

            Assert.Equal((events, events, events, 0L), await StoredAsync(target));
        }

        using var reopened = await ClickHouseWorkspace.OpenAsync(address, default);

        Assert.Equal((events, events, events, Count(duck, "accounts")), await StoredAsync(reopened));
        Assert.Equal(0, await StagingTablesAsync(reopened));
    }

    [SkippableFact]
    public async Task A_half_staged_import_is_left_alone_while_it_may_be_alive_and_dropped_once_abandoned()
    {
        ClickHouseRequirement.Check();
        using var duck = Fixture();
        var address = servers.SingleDatabase();
        using (var target = await ClickHouseWorkspace.OpenAsync(address, default))
        {
            using var cancellation = new CancellationTokenSource();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Import(duck, target).RunAsync(new CancelAfterFirstEventBlock(cancellation), cancellation.Token));
        }

        // Opening again within the staging bound: another process may still be staging it.
        using var reopened = await ClickHouseWorkspace.OpenAsync(address, default);
        Assert.Equal((0L, 0L, 0L, 0L), await StoredAsync(reopened));
        Assert.Equal("staging", await StateAsync(reopened));
        var staged = await ScalarAsync(reopened, "SELECT count() FROM system.tables WHERE database = currentDatabase() AND startsWith(name, 'import_') AND endsWith(name, '_events')");
        Assert.Equal(1, staged);

        var (published, dropped) = await ImportRecovery.RecoverAsync(reopened, TimeSpan.Zero, default);

        Assert.Equal((0, 1), (published, dropped));
        Assert.Equal((0L, 0L, 0L, 0L), await StoredAsync(reopened));
        Assert.Equal("dropped", await StateAsync(reopened));
        Assert.Equal(0, await StagingTablesAsync(reopened));
    }

    private static WorkspaceMigration Import(DuckDbWorkspace duck, ClickHouseWorkspace target) =>
        new(new DuckDbQueryStore(duck), target, TimeProvider.System) { AsImport = true, BlockSize = 1000 };

    private static async Task StopAsync(WorkspaceMigration import, string table, long copied)
    {
        using var cancellation = new CancellationTokenSource();
        var trip = new InlineTrip(p =>
        {
            if (p.Table == table && p.Copied == copied)
            {
                cancellation.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import.RunAsync(trip, cancellation.Token));
    }

    private static DuckDbWorkspace Fixture()
    {
        var duck = DuckDbWorkspace.Open(":memory:");
        new DemoWriter(duck).Write(DemoScenario.Build(new DemoOptions(new DateOnly(2026, 11, 15), Accounts: 10, Days: 42, Seed: 11)));
        return duck;
    }

    private static long Count(DuckDbWorkspace duck, string table)
    {
        using var connection = duck.OpenConnection();
        return Convert.ToInt64(DuckDbCommands.Rows(connection, $"SELECT count(*) FROM {table}")[0][0], CultureInfo.InvariantCulture);
    }

    // Events stored, distinct (source, id), the account rollup's event total, and accounts (latest versions).
    private static async Task<(long, long, long, long)> StoredAsync(ClickHouseWorkspace target)
    {
        var rows = await target.Entry.QueryAsync(
            "SELECT (SELECT count() FROM events), (SELECT uniqExact(source, id) FROM events), (SELECT sum(events) FROM rollup_account_days), (SELECT count() FROM accounts FINAL)", default);
        var row = rows.Rows[0];
        return (Convert.ToInt64(row[0], CultureInfo.InvariantCulture), Convert.ToInt64(row[1], CultureInfo.InvariantCulture),
            Convert.ToInt64(row[2], CultureInfo.InvariantCulture), Convert.ToInt64(row[3], CultureInfo.InvariantCulture));
    }

    private static async Task<string> StateAsync(ClickHouseWorkspace target) =>
        (string)(await target.Entry.QueryAsync("SELECT state FROM imports FINAL", default)).Rows.Single()[0]!;

    private static async Task<long> StagingTablesAsync(ClickHouseWorkspace target)
    {
        var total = 0L;
        foreach (var node in target.Nodes)
        {
            var rows = await node.QueryAsync("SELECT count() FROM system.tables WHERE database = currentDatabase() AND startsWith(name, 'import_')", default);
            total += Convert.ToInt64(rows.Rows[0][0], CultureInfo.InvariantCulture);
        }
        return total;
    }

    private static async Task<long> ScalarAsync(ClickHouseWorkspace target, string sql) =>
        Convert.ToInt64((await target.Entry.QueryAsync(sql, default)).Rows[0][0], CultureInfo.InvariantCulture);
}
