using UsageLens.Core.Accounts;
using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli.Tests;

public sealed class EraseCommandTests : IDisposable
{
    private static readonly DateTime s_day = new(2026, 10, 5, 10, 0, 0, DateTimeKind.Utc);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "usagelens-erase-" + Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_directory, "w.duckdb");

    [Fact]
    public async Task Erasing_a_user_removes_their_events_and_profile_prints_the_counts_and_records_it()
    {
        await SeedAsync();

        var (exit, output, _) = await CliRun.RunAsync("erase", "user", "ub", "--db", Db);

        Assert.Equal((0, "Erased user ub: 2 events, 1 users, 0 nps.\n"), (exit, output));
        using var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(Db), TimeProvider.System);
        using var connection = store.Workspace.OpenConnection();
        Assert.Equal(1L, DuckDbCommands.Scalar(connection, "SELECT count(*) FROM events"));
        // Ann's one call is all that is left in the rollups of the day she shared with Bob.
        Assert.Equal(10.0, DuckDbCommands.Scalar(connection, "SELECT sum(quantity) FROM rollup_account_days"));
        // Her month of activity is the only one left: Bob's is gone, not merely repeated by the day's re-append.
        Assert.Equal("ua", DuckDbCommands.Scalar(connection, "SELECT string_agg(DISTINCT user_id) FROM rollup_user_months"));
        Assert.Equal(0L, DuckDbCommands.Scalar(connection, "SELECT count(*) FROM users WHERE user_id = 'ub'"));
        var erasure = Assert.Single(await store.Erasures.ListAsync(default));
        Assert.Equal(("user", "ub", 2L), (erasure.KindName, erasure.Id, erasure.Rows["events"]));
    }

    [Fact]
    public async Task Erasing_an_account_removes_its_people_too()
    {
        await SeedAsync();

        var (exit, output, _) = await CliRun.RunAsync("erase", "account", "a", "--db", Db);

        Assert.Equal((0, "Erased account a: 3 events, 1 accounts, 2 users, 0 subscriptions, 0 nps.\n"), (exit, output));
        using var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(Db), TimeProvider.System);
        using var connection = store.Workspace.OpenConnection();
        Assert.Equal(0L, DuckDbCommands.Scalar(connection, "SELECT count(*) FROM rollup_user_months"));
    }

    private async Task SeedAsync()
    {
        Directory.CreateDirectory(_directory);
        using var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(Db), TimeProvider.System);
        await store.Ingestion.WriteAsync(new IngestBatch(
            [Call("e1", "ua", 10), Call("e2", "ub", 30), Call("e3", "ub", 7)],
            [new AccountUpsert("a", new Dictionary<AccountField, object?> { [AccountField.Segment] = "smb" }, null)],
            [new UserUpsert("ua", "a", "ann@north.test", null, null), new UserUpsert("ub", "a", "bob@north.test", null, null)]), default);
    }

    private static UsageEvent Call(string id, string user, double quantity) =>
        new(id, "", s_day, "a", user, "api_call", quantity, "calls", null, null, null, null);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
