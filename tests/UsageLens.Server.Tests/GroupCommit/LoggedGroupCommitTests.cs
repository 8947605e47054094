using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using UsageLens.Core.Accounts;
using UsageLens.Core.Events;
using UsageLens.Ingest.Wire;
using UsageLens.Server.GroupCommit;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Server.Tests.GroupCommit;

/// <summary>The writer with an ingest log: acknowledged once logged, merged in the background, replayed after a crash.</summary>
public sealed class LoggedGroupCommitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-logged-writes-").FullName;
    private readonly DuckDbWorkspace _workspace = DuckDbWorkspace.Open(":memory:");
    private readonly List<GroupCommitWriter> _writers = [];

    private string LogDirectory => Path.Combine(_directory, "ingest-log");

    private static PendingWrite Request(params string[] ids) => new(
        new ParsedRequest([.. ids.Select((id, i) => new ParsedEvent(i, new UsageEvent(id, "", new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), "acme", null, "api_call", 1, "count", null, null, null, null)))], [], [], []),
        "properties.unit");

    private static PendingWrite Plan(string plan) => new(
        new ParsedRequest([], [new AccountUpsert("acme", new Dictionary<AccountField, object?> { [AccountField.Plan] = plan }, null)], [], []), "properties.unit");

    private async Task<(GroupCommitWriter Writer, HeldStore Store)> StartAsync(int maxUnmerged = 400_000, int mergeRecords = 100_000)
    {
        var store = new HeldStore(new DuckDbIngestionStore(_workspace));
        var options = new ServerOptions { IngestLogDirectory = LogDirectory, IngestLogMaxUnmergedRecords = maxUnmerged, IngestLogMergeRecords = mergeRecords };
        var writer = new GroupCommitWriter(store, options, TimeProvider.System, NullLogger<GroupCommitWriter>.Instance);
        _writers.Add(writer);
        await writer.StartAsync(default);
        return (writer, store);
    }

    [Fact]
    public async Task A_request_is_acknowledged_once_logged_and_reads_wait_for_its_merge()
    {
        var (writer, store) = await StartAsync();
        store.Hold();

        var verdict = await writer.SubmitAsync(Request("e-1", "e-2"), default);
        var merged = writer.AcknowledgedMergedAsync(default);
        await Task.Delay(200);

        Assert.Equal(WriteStatus.Committed, verdict.Status);
        Assert.Equal(0L, EventCount());
        Assert.False(merged.IsCompleted);
        store.Release();
        await merged.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2L, EventCount());
    }

    [Fact]
    public async Task Groups_acknowledged_while_a_merge_runs_are_merged_together_in_one_transaction()
    {
        var (writer, store) = await StartAsync();
        store.Hold();
        await writer.SubmitAsync(Request("e-0"), default);
        // The first merge is held; the next ten groups are logged and wait behind it.
        for (var i = 1; i <= 10; i++)
        {
            Assert.Equal(WriteStatus.Committed, (await writer.SubmitAsync(Request($"e-{i}"), default)).Status);
        }
        store.Release();
        await writer.AcknowledgedMergedAsync(default).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(11L, EventCount());
        Assert.Equal([1, 10], store.Writes);
        Assert.Equal(2, writer.Commits);
    }

    [Fact]
    public async Task What_a_crash_left_unmerged_is_merged_at_the_next_start_once_even_when_resent()
    {
        var (crashed, store) = await StartAsync();
        store.Failing = true;
        Assert.Equal(WriteStatus.Committed, (await crashed.SubmitAsync(Request("e-1", "e-2"), default)).Status);
        Assert.Equal(WriteStatus.Committed, (await crashed.SubmitAsync(Plan("pro"), default)).Status);
        Assert.Equal(WriteStatus.Committed, (await crashed.SubmitAsync(Plan("enterprise"), default)).Status);
        // The host gives up waiting at once: the failing merge is abandoned, as a crash would leave it.
        try
        {
            await crashed.StopAsync(new CancellationToken(canceled: true));
        }
        catch (OperationCanceledException)
        {
        }
        crashed.Dispose();
        _writers.Remove(crashed);
        Assert.Equal(0L, EventCount());

        var (restarted, _) = await StartAsync();
        Assert.Equal(2L, EventCount());
        Assert.Equal("enterprise", Scalar("SELECT plan FROM accounts WHERE account_id = 'acme'"));
        await restarted.SubmitAsync(Request("e-2", "e-3"), default);
        await restarted.AcknowledgedMergedAsync(default);

        Assert.Equal(3L, EventCount());
        Assert.Equal(0L, Directory.GetFiles(LogDirectory).Sum(f => new FileInfo(f).Length));
    }

    [Fact]
    public async Task A_merge_that_fails_is_retried_until_it_lands()
    {
        var (writer, store) = await StartAsync();
        store.Failing = true;
        await writer.SubmitAsync(Request("e-1"), default);
        await Task.Delay(400);
        Assert.Equal(0L, EventCount());

        store.Failing = false;
        await writer.AcknowledgedMergedAsync(default).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1L, EventCount());
    }

    [Fact]
    public async Task Acknowledgements_wait_while_too_many_records_are_not_merged()
    {
        var (writer, store) = await StartAsync(maxUnmerged: 4, mergeRecords: 2);
        store.Hold();
        await writer.SubmitAsync(Request("e-1", "e-2"), default);
        await writer.SubmitAsync(Request("e-3", "e-4"), default);

        var third = writer.SubmitAsync(Request("e-5", "e-6"), default);
        await Task.Delay(300);
        Assert.False(third.IsCompleted);
        Assert.Equal(4, writer.UnmergedRecords);

        store.Release();
        Assert.Equal(WriteStatus.Committed, (await third.WaitAsync(TimeSpan.FromSeconds(30))).Status);
        await writer.AcknowledgedMergedAsync(default);
        Assert.Equal(6L, EventCount());
    }

    [Fact]
    public async Task Work_between_commits_sees_every_group_acknowledged_before_it()
    {
        var (writer, store) = await StartAsync();
        store.Hold();
        await writer.SubmitAsync(Request("e-1"), default);

        var seen = writer.AtCommitBoundaryAsync(_ => Task.FromResult(EventCount()), default);
        await Task.Delay(200);
        Assert.False(seen.IsCompleted);
        store.Release();

        Assert.Equal(1L, await seen.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private long EventCount() => Convert.ToInt64(Scalar("SELECT count(*) FROM events"), CultureInfo.InvariantCulture);

    private object? Scalar(string sql)
    {
        using var connection = _workspace.OpenConnection();
        return DuckDbCommands.Scalar(connection, sql);
    }

    public void Dispose()
    {
        foreach (var writer in _writers)
        {
            writer.StopAsync(default).GetAwaiter().GetResult();
            writer.Dispose();
        }
        _workspace.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
