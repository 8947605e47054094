using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using UsageLens.Core.Events;
using UsageLens.Ingest.Wire;
using UsageLens.Server.GroupCommit;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Server.Tests.Operations;

/// <summary>What <c>/readyz</c> says about the group-commit writer, and the commit boundary a backup runs at.</summary>
public sealed class WriterReadinessTests : IDisposable
{
    private readonly DuckDbWorkspace _workspace = DuckDbWorkspace.Open(":memory:");
    private readonly DuckDbIngestionStore _store;

    public WriterReadinessTests() => _store = new DuckDbIngestionStore(_workspace);

    [Fact]
    public async Task The_writer_is_not_ready_before_it_starts_and_after_it_stops()
    {
        var writer = Writer(new ServerOptions());
        Assert.Equal("the group-commit writer has not started", writer.NotAcceptingReason());
        await writer.StartAsync(default);
        Assert.Null(writer.NotAcceptingReason());
        await writer.StopAsync(default);
        Assert.Equal("the group-commit writer has stopped", writer.NotAcceptingReason());
    }

    [Fact]
    public async Task While_work_runs_at_the_commit_boundary_nothing_commits_and_a_full_queue_makes_the_writer_unready()
    {
        var writer = Writer(new ServerOptions { PendingRequestLimit = 1, GroupCommitMaxDelay = TimeSpan.Zero });
        await writer.StartAsync(default);
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        var boundary = writer.AtCommitBoundaryAsync(async _ =>
        {
            entered.SetResult();
            await release.Task;
            return EventCount();
        }, default);
        await entered.Task;

        // The loop takes the first request and waits at the boundary; the second stays in the queue of one.
        var first = writer.SubmitAsync(Request("e-1"), default);
        await WaitUntilAsync(() => writer.QueueDepth == 0);
        var second = writer.SubmitAsync(Request("e-2"), default);
        await WaitUntilAsync(() => writer.QueueDepth == 1);

        Assert.Equal("the group-commit queue is full (1 requests waiting)", writer.NotAcceptingReason());
        Assert.False(first.IsCompleted);
        release.SetResult();
        Assert.Equal(0L, await boundary);
        await Task.WhenAll(first, second);
        Assert.Equal(2L, EventCount());
        Assert.Null(writer.NotAcceptingReason());
        await writer.StopAsync(default);
    }

    public void Dispose()
    {
        _store.Dispose();
        _workspace.Dispose();
    }

    private GroupCommitWriter Writer(ServerOptions options) => new(_store, options, TimeProvider.System, NullLogger<GroupCommitWriter>.Instance);

    private static PendingWrite Request(string id) => new(
        new ParsedRequest([new ParsedEvent(0, new UsageEvent(id, "", new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), "acme", null, "api_call", 1, "count", null, null, null, null))], [], [], []),
        "properties.unit");

    private long EventCount()
    {
        using var connection = _workspace.OpenConnection();
        return Convert.ToInt64(DuckDbCommands.Scalar(connection, "SELECT count(*) FROM events"), CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the writer did not reach the expected state in 10 seconds");
            await Task.Delay(10);
        }
    }
}
