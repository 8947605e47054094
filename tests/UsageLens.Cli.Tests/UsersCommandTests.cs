using UsageLens.Core.Keys;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli.Tests;

public sealed class UsersCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "usagelens-users-" + Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_directory, "w.duckdb");

    [Fact]
    public async Task A_user_created_with_the_password_on_stdin_can_sign_in_is_listed_and_is_deleted()
    {
        Directory.CreateDirectory(_directory);

        var created = await CliRun.RunWithInputAsync("north-password\n", "users", "create", "Pat@North.test", "--role", "partner", "--partner", "p-north", "--password-stdin", "--db", Db);
        var listed = await CliRun.RunAsync("users", "list", "--db", Db);
        bool verifies;
        using (var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(Db), TimeProvider.System))
        {
            verifies = await store.Users.VerifyAsync("pat@north.test", "north-password", default) is { Role: ApiKeyRole.Partner, PartnerId: "p-north" };
        }
        var deleted = await CliRun.RunAsync("users", "delete", "pat@north.test", "--db", Db);
        var again = await CliRun.RunAsync("users", "delete", "pat@north.test", "--db", Db);

        Assert.Equal((0, "Created pat@north.test with the partner role for partner p-north.\n"), (created.Exit, created.Out));
        Assert.Equal("pat@north.test\tpartner\tp-north\t2026-11-15T09:30:00Z\n", listed.Out);
        Assert.True(verifies);
        Assert.Equal((0, "Deleted pat@north.test.\n"), (deleted.Exit, deleted.Out));
        Assert.Equal((1, "error: no user 'pat@north.test'\n"), (again.Exit, again.Error));
    }

    [Fact]
    public async Task Bad_roles_short_passwords_and_missing_stdin_are_refused_with_the_reason()
    {
        Directory.CreateDirectory(_directory);

        var role = await CliRun.RunWithInputAsync("long enough\n", "users", "create", "a@b.c", "--role", "root", "--password-stdin", "--db", Db);
        var shortPassword = await CliRun.RunWithInputAsync("short\n", "users", "create", "a@b.c", "--role", "viewer", "--password-stdin", "--db", Db);
        var empty = await CliRun.RunWithInputAsync("", "users", "create", "a@b.c", "--role", "viewer", "--password-stdin", "--db", Db);
        var noTerminal = await CliRun.RunAsync("users", "create", "a@b.c", "--role", "viewer", "--db", Db);

        Assert.Equal((1, "error: --role 'root' is not one of admin, analyst, partner, writer, viewer\n"), (role.Exit, role.Error));
        Assert.Equal((1, "error: password: must be at least 8 characters\n"), (shortPassword.Exit, shortPassword.Error));
        Assert.Equal((1, "error: --password-stdin: standard input is empty\n"), (empty.Exit, empty.Error));
        Assert.Equal((1, "error: no terminal to prompt for the password on: pass --password-stdin and send it on standard input\n"), (noTerminal.Exit, noTerminal.Error));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
