using UsageLens.Core.Reports;
using UsageLens.Storage.DuckDb.Reports;

namespace UsageLens.Storage.DuckDb.Tests.Reports;

public sealed class DuckDbReportRunStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-report-runs-").FullName;

    [Fact]
    public async Task Recorded_runs_survive_reopening_and_are_listed_oldest_first()
    {
        var path = Path.Combine(_directory, "w.duckdb");
        var delivered = new ReportRun("usage-csv", "p-north", new DateTime(2026, 11, 16, 6, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 16), "delivered", "usage-csv-20261116-060000Z.csv",
            [new ReportDelivery("folder", "/out/usage-csv-20261116-060000Z.csv", "delivered", 1, null), new ReportDelivery("webhook", "mailer", "delivered", 2, null)], null);
        var failed = new ReportRun("customer", null, new DateTime(2026, 11, 9, 6, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 9), "failed", null, [], "no account 'x'");
        using (var workspace = DuckDbWorkspace.Open(path))
        {
            var store = new DuckDbReportRunStore(workspace);
            await store.RecordAsync(delivered, default);
            await store.RecordAsync(failed, default);
        }

        using var reopened = DuckDbWorkspace.Open(path);
        var runs = await new DuckDbReportRunStore(reopened).ListAsync(default);

        Assert.Equal([("customer", (string?)null, failed.RanAt, new DateOnly(2026, 11, 9), "failed", (string?)null, "no account 'x'"), ("usage-csv", "p-north", delivered.RanAt, new DateOnly(2026, 11, 16), "delivered", delivered.FileName, null)],
            runs.Select(r => (r.Report, r.PartnerId, r.RanAt, r.AsOf, r.Status, r.FileName, r.Error)));
        Assert.Equal(delivered.Deliveries, runs[1].Deliveries);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
