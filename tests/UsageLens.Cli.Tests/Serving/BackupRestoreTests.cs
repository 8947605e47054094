using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli.Tests.Serving;

/// <summary>
/// <c>usagelens backup</c> of a workspace a real <c>serve</c> process is ingesting a Segment load into, and
/// <c>usagelens restore</c> of it, all as child processes. What the backup must hold is known from the load's
/// acknowledgements, not from the server.
/// </summary>
public sealed class BackupRestoreTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "usagelens-backup-tests", Guid.NewGuid().ToString("N"));


    [Fact]
    public async Task A_backup_under_load_holds_whole_acknowledged_batches_up_to_its_commit_point_and_restores_to_the_same_kpi()
    {
        Directory.CreateDirectory(_directory);
        var workspace = Path.Combine(_directory, "w.duckdb");
        var backup = Path.Combine(_directory, "b.duckdb");
        var writer = await WorkspaceFile.CreateKeyAsync(_directory, workspace, "writer");
        var admin = await WorkspaceFile.CreateKeyAsync(_directory, workspace, "admin");

        SegmentLoad load;
        HashSet<string> acknowledgedBefore;
        Stopwatch clock;
        await using (var serve = await ServeProcess.StartAsync(_directory, workspace, "--log-format", "json"))
        {
            load = new SegmentLoad(serve.Address, writer);
            using var stop = new CancellationTokenSource();
            var sending = load.RunAsync(stop.Token);
            await WorkspaceFile.WaitUntilAsync(() => load.Acknowledged.Count >= 1_000, TimeSpan.FromMinutes(2));

            // The file is locked by the server: a direct copy is refused, naming the way through the server.
            var direct = await CliProcess.RunToEndAsync(_directory, "--db", workspace, "backup", "--to", Path.Combine(_directory, "direct.duckdb"));
            Assert.Equal(1, direct.Exit);
            Assert.Contains("usagelens backup --url", direct.Error, StringComparison.Ordinal);

            acknowledgedBefore = [.. load.Acknowledged];
            clock = Stopwatch.StartNew();
            var taken = await CliProcess.RunToEndAsync(_directory, "backup", "--url", serve.Address.ToString(), "--key", admin, "--to", backup);
            Assert.True(taken.Exit == 0, taken.Error);
            output.WriteLine($"backup under load: {clock.ElapsedMilliseconds} ms for the whole command (a new process), {new FileInfo(backup).Length} bytes; {taken.Out.Trim()}");
            await WorkspaceFile.WaitUntilAsync(() => load.Acknowledged.Count >= acknowledgedBefore.Count + 1_000, TimeSpan.FromMinutes(2));

            var refused = await CliProcess.RunToEndAsync(_directory, "--db", workspace, "restore", "--from", backup);
            Assert.Equal(1, refused.Exit);
            Assert.Contains("is open in another process", refused.Error, StringComparison.Ordinal);

            await stop.CancelAsync();
            await sending;
            Assert.Equal(0, (await serve.TerminateAsync(TimeSpan.FromSeconds(45))).Exit);
        }

        var inBackup = WorkspaceFile.EventIds(backup);
        var acknowledged = load.Acknowledged.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(inBackup.Count, inBackup.Distinct(StringComparer.Ordinal).Count());
        // Everything acknowledged before the backup was asked for is in it; nothing in it was left unacknowledged;
        // each acknowledged batch is in it whole or not at all; and the load went on after it.
        Assert.Superset(acknowledgedBefore, inBackup.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(acknowledged, inBackup.ToHashSet(StringComparer.Ordinal));
        Assert.All(load.AcknowledgedBatches, batch => Assert.True(batch.Ids.All(inBackup.Contains) || !batch.Ids.Any(inBackup.Contains), $"batch {batch.Ids[0]} is split"));
        Assert.True(inBackup.Count < acknowledged.Count);

        clock = Stopwatch.StartNew();
        var restored = await CliProcess.RunToEndAsync(_directory, "--db", workspace, "restore", "--from", backup);
        output.WriteLine($"restore: {clock.ElapsedMilliseconds} ms; {inBackup.Count} events in the backup of {acknowledged.Count} acknowledged in all");
        Assert.True(restored.Exit == 0, restored.Error);
        Assert.Equal(inBackup.Order(StringComparer.Ordinal), WorkspaceFile.EventIds(workspace).Order(StringComparer.Ordinal));
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal), WorkspaceFile.EventIds(workspace + DuckDbBackup.ReplacedSuffix).Order(StringComparer.Ordinal));
        var kpi = JsonDocument.Parse((await CliProcess.RunToEndAsync(_directory, "--db", workspace, "--format", "json", "kpi", "usage", "--metric", "api_call", "--from", SegmentLoad.Day, "--to", "2026-11-11")).Out).RootElement;
        Assert.Equal(inBackup.Count, kpi.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Backup_of_a_clickhouse_workspace_is_refused_with_the_documented_way()
    {
        Directory.CreateDirectory(_directory);
        var result = await CliRun.RunAsync("--store", "clickhouse://127.0.0.1:1/none", "backup", "--to", Path.Combine(_directory, "x.duckdb"));

        Assert.Equal(1, result.Exit);
        Assert.Contains("FREEZE", result.Error, StringComparison.Ordinal);
        Assert.Contains("docs/reliability.md", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "x.duckdb")));
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_workspace_and_leaves_the_workspace_alone()
    {
        Directory.CreateDirectory(_directory);
        var workspace = Path.Combine(_directory, "w.duckdb");
        await WorkspaceFile.CreateKeyAsync(_directory, workspace, "admin");
        var before = await File.ReadAllBytesAsync(workspace);
        var notBackup = Path.Combine(_directory, "not.duckdb");
        await File.WriteAllTextAsync(notBackup, "this is not a database");

        var result = await CliProcess.RunToEndAsync(_directory, "--db", workspace, "restore", "--from", notBackup);

        Assert.Equal(1, result.Exit);
        Assert.Contains("is not a DuckDB workspace", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(workspace));
        Assert.False(File.Exists(workspace + DuckDbBackup.ReplacedSuffix));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
