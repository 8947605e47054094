using UsageLens.Core.Reports;
using UsageLens.Storage.ClickHouse.Reports;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Reports;

/// <summary>Scheduled report runs kept in ClickHouse's report_runs, on one server and on every node of a cluster.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseReportRunStoreTests(ClickHouseServers servers)
{
    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task Recorded_runs_are_listed_oldest_first_with_their_deliveries(string layout)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        var store = new ClickHouseReportRunStore(workspace, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 15, 9, 30, 0, TimeSpan.Zero)));
        var later = new ReportRun("north-weekly", "p-north", new DateTime(2026, 11, 16, 6, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 16), "failed", "north-weekly-20261116-060000Z.pdf",
            [new ReportDelivery("folder", "/out/north-weekly-20261116-060000Z.pdf", "delivered", 1, null), new ReportDelivery("webhook", "mailer", "failed", 5, "HTTP 503 Service Unavailable")], null);
        var earlier = new ReportRun("overview", null, new DateTime(2026, 11, 9, 6, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 9), "failed", null, [], "no account 'x'");

        await store.RecordAsync(later, default);
        await store.RecordAsync(earlier, default);
        var runs = await store.ListAsync(default);

        Assert.Equal([("overview", (string?)null, earlier.RanAt, new DateOnly(2026, 11, 9), "failed", (string?)null, "no account 'x'"), ("north-weekly", "p-north", later.RanAt, new DateOnly(2026, 11, 16), "failed", later.FileName, null)],
            runs.Select(r => (r.Report, r.PartnerId, r.RanAt, r.AsOf, r.Status, r.FileName, r.Error)));
        Assert.Equal(later.Deliveries, runs[1].Deliveries);
        Assert.Empty(runs[0].Deliveries);
    }
}
