using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using UsageLens.Core.Events;
using UsageLens.Ingest.Wire;
using UsageLens.Server.GroupCommit;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Server.Tests.GroupCommit;

public sealed class GroupCommitWriterTests : IAsyncLifetime, IDisposable
{
    private readonly DuckDbWorkspace _workspace = DuckDbWorkspace.Open(":memory:");
    private ArmedFailureStore _store = null!;
    private GroupCommitWriter _writer = null!;

    public async Task InitializeAsync()
    {
        _store = new ArmedFailureStore(new DuckDbIngestionStore(_workspace));
        // A long delay so that requests submitted together surely land in one group.
        var options = new ServerOptions { GroupCommitMaxDelay = TimeSpan.FromMilliseconds(300) };
        _writer = new GroupCommitWriter(_store, options, TimeProvider.System, NullLogger<GroupCommitWriter>.Instance);
        await _writer.StartAsync(default);
    }

    private static PendingWrite Request(string id, string unit) => new(
        new ParsedRequest([new ParsedEvent(0, new UsageEvent(id, "", new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), "acme", null, "api_call", 1, unit, null, null, null, null))], [], [], []),
        "properties.unit");

    [Fact]
    public async Task A_unit_conflict_within_a_group_refuses_only_the_later_request()
    {
        var verdicts = await Task.WhenAll(
            _writer.SubmitAsync(Request("e-1", "count"), default),
            _writer.SubmitAsync(Request("e-2", "GB"), default),
            _writer.SubmitAsync(Request("e-3", "count"), default));

        Assert.Equal([WriteStatus.Committed, WriteStatus.Refused, WriteStatus.Committed], verdicts.Select(v => v.Status));
        Assert.Equal(new IngestProblem(0, "properties.unit", "unit 'GB' conflicts with unit 'count' of event 'api_call'"), Assert.Single(verdicts[1].Problems));
        Assert.Equal(1, _writer.Commits);
        Assert.Equal(2L, EventCount());
    }

    [Fact]
    public async Task A_failed_commit_answers_every_request_of_the_group_unavailable_and_stores_nothing()
    {
        _store.Failing = true;
        var verdicts = await Task.WhenAll(
            _writer.SubmitAsync(Request("e-1", "count"), default),
            _writer.SubmitAsync(Request("e-2", "count"), default));
        _store.Failing = false;
        var retried = await _writer.SubmitAsync(Request("e-1", "count"), default);

        Assert.All(verdicts, v => Assert.Equal(WriteStatus.Unavailable, v.Status));
        Assert.Equal(WriteStatus.Committed, retried.Status);
        Assert.Equal(1L, EventCount());
    }

    [Fact]
    public async Task Requests_queued_before_stopping_are_still_committed()
    {
        var pending = _writer.SubmitAsync(Request("e-1", "count"), default);
        await _writer.StopAsync(default);

        Assert.Equal(WriteStatus.Committed, (await pending).Status);
        Assert.Equal(WriteStatus.Unavailable, (await _writer.SubmitAsync(Request("e-2", "count"), default)).Status);
        Assert.Equal(1L, EventCount());
    }

    private long EventCount()
    {
        using var connection = _workspace.OpenConnection();
        return Convert.ToInt64(DuckDbCommands.Scalar(connection, "SELECT count(*) FROM events"), CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        await _writer.StopAsync(default);
        _workspace.Dispose();
    }

    // xunit calls this after DisposeAsync.
    public void Dispose() => _writer?.Dispose();
}
