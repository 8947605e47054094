using UsageLens.Core.Accounts;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Storage.DuckDb.Tests.Ingestion;

/// <summary>The same store over a workspace file, where connections are opened rather than duplicated.</summary>
public sealed class FileWorkspaceIngestionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-store-").FullName;

    [Fact]
    public async Task Profiles_upsert_twice_and_users_resolve_to_their_last_account()
    {
        using var workspace = DuckDbWorkspace.Open(Path.Combine(_directory, "w.duckdb"));
        using var store = new DuckDbIngestionStore(workspace);
        var plan = new Dictionary<AccountField, object?> { [AccountField.Plan] = "pro" };

        await store.WriteAsync(new IngestBatch([], [new AccountUpsert("acme", plan, """{"tier":"gold"}""")], [new UserUpsert("u-1", "acme", "a@acme.test", null, null)]), default);
        await store.WriteAsync(new IngestBatch([], [new AccountUpsert("acme", new Dictionary<AccountField, object?>(), """{"region":"eu"}""")], [new UserUpsert("u-1", "globex", null, null, null)]), default);
        var accounts = await store.GetUserAccountsAsync(["u-1", "u-unknown"], default);

        Assert.Equal(new Dictionary<string, string> { ["u-1"] = "globex" }, accounts);
        using var connection = workspace.OpenConnection();
        Assert.Equal("pro", DuckDbCommands.Scalar(connection, "SELECT plan FROM accounts WHERE account_id = 'acme'"));
        Assert.Equal("""{"tier":"gold","region":"eu"}""", DuckDbCommands.Scalar(connection, "SELECT traits::VARCHAR FROM accounts WHERE account_id = 'acme'"));
        Assert.Equal("a@acme.test", DuckDbCommands.Scalar(connection, "SELECT email FROM users WHERE user_id = 'u-1'"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
