using System.Globalization;
using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Server.GroupCommit;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Server.Tests.GroupCommit;

/// <summary>What the CLI does before any command on a workspace file whose server crashed: merge the log it left.</summary>
public sealed class IngestLogRecoveryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-recovery-").FullName;
    private readonly DuckDbWorkspace _workspace = DuckDbWorkspace.Open(":memory:");

    private string LogDirectory => Path.Combine(_directory, "workspace.duckdb.ingest-log");

    private static IngestBatch Events(params (string Id, double Quantity)[] events) => IngestBatch.OfEvents([.. events.Select(e =>
        new UsageEvent(e.Id, "", new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc), "acme", "u-1", "api_call", e.Quantity, "count", null, null, null, null))]);

    [Fact]
    public async Task A_log_left_by_a_crash_is_merged_once_and_emptied()
    {
        using (var log = IngestLog.Open(LogDirectory).Log)
        {
            log.Append(Events(("m-1", 2), ("m-2", 3)));
            // The same message resent in a later group, as a retrying client does.
            log.Append(Events(("m-2", 3), ("m-3", 5)));
        }
        var store = new DuckDbIngestionStore(_workspace);

        var merged = await UsageLensServer.MergeIngestLogAsync(LogDirectory, store);
        var again = await UsageLensServer.MergeIngestLogAsync(LogDirectory, store);

        Assert.Equal(4, merged);
        Assert.Equal(0, again);
        Assert.Equal((3L, 10.0), Totals());
        Assert.Equal(0L, Directory.GetFiles(LogDirectory).Sum(f => new FileInfo(f).Length));
        // The rollups the KPIs read hold the same events.
        Assert.Equal(10.0, Convert.ToDouble(Scalar("SELECT sum(quantity) FROM rollup_account_days"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_workspace_that_never_had_a_log_is_left_alone()
    {
        Assert.Equal(0, await UsageLensServer.MergeIngestLogAsync(LogDirectory, new DuckDbIngestionStore(_workspace)));
        Assert.False(Directory.Exists(LogDirectory));
    }

    private (long Events, double Quantity) Totals() =>
        (Convert.ToInt64(Scalar("SELECT count(*) FROM events"), CultureInfo.InvariantCulture),
         Convert.ToDouble(Scalar("SELECT sum(quantity) FROM events"), CultureInfo.InvariantCulture));

    private object? Scalar(string sql)
    {
        using var connection = _workspace.OpenConnection();
        return DuckDbCommands.Scalar(connection, sql);
    }

    public void Dispose()
    {
        _workspace.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
