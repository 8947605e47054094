namespace UsageLens.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-import-").FullName;

    private string Db => Path.Combine(_directory, "w.duckdb");

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Imported_files_are_queryable_and_a_reimport_stores_nothing_new()
    {
        var accounts = Write("accounts.csv", "account_id,revenue,segment\nacme,900,enterprise\nglobex,100,smb\n");
        var events = Write("events.csv", "id,timestamp,account_id,event,quantity\n1,2026-10-02T09:00:00Z,acme,api_call,30\n2,2026-10-03T09:00:00+02:00,globex,api_call,10\n");

        var first = await CliRun.RunAsync("import", "accounts", accounts, "--db", Db);
        var second = await CliRun.RunAsync("import", "events", events, "--db", Db);
        var again = await CliRun.RunAsync("import", "events", events, "--db", Db);
        var kpi = await CliRun.RunAsync("kpi", "top-customer-share", "--metric", "api_call", "--top", "1", "--db", Db, "--format", "csv");

        Assert.Equal((0, 0, 0), (first.Exit, second.Exit, again.Exit));
        Assert.Contains("2 stored, 0 already known", second.Out, StringComparison.Ordinal);
        Assert.Contains("0 stored, 2 already known", again.Out, StringComparison.Ordinal);
        Assert.Equal("top-customer-share,api_call,2026-10-01,2026-11-01,75,percent,,30,40,1,2,900", kpi.Out.Trim().Split('\n')[1].TrimEnd('\r'));
    }

    [Fact]
    public async Task A_bad_row_prints_the_file_line_column_and_reason_and_imports_nothing()
    {
        var good = Write("good.csv", "id,timestamp,account_id,event\n1,2026-10-02T09:00:00Z,acme,api_call\n");
        var bad = Write("events.csv", "id,timestamp,account_id,event\n1,2026-10-02T09:00:00Z,acme,api_call\n2,2026-13-01,acme,api_call\n");

        var (exit, _, error) = await CliRun.RunAsync("import", "events", good, bad, "--db", Db);
        var kpi = await CliRun.RunAsync("kpi", "usage", "--metric", "api_call", "--db", Db);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {bad} line 3: timestamp '2026-13-01' is not a valid ISO 8601 time with offset", error.Trim());
        Assert.Equal("error: unknown metric 'api_call'", kpi.Error.Trim());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
