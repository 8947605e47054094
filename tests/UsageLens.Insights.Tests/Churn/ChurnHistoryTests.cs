using System.Globalization;
using UsageLens.Core.Events;
using UsageLens.Core.Kpis;
using UsageLens.Core.Storage;
using UsageLens.Core.Semantics;
using UsageLens.Insights.Churn;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Insights.Tests.Churn;

/// <summary>An account's features at a snapshot day, read through the KPI path, against figures worked out by hand.</summary>
public sealed class ChurnHistoryTests
{
    private static readonly DateOnly s_day = new(2026, 9, 1);

    [Fact]
    public async Task Features_match_the_hand_computed_values()
    {
        // 60 days before the snapshot: 10 api_calls a day by u1 and u2 (days −60 to −31), then 5 a day by u1 only
        // (days −30 to −1), plus events on and after the snapshot day that must not count.
        var events = new List<UsageEvent>();
        for (var offset = -60; offset < 10; offset++)
        {
            var day = s_day.AddDays(offset);
            var quantity = offset < -30 ? 10 : 5;
            var user = offset < -30 && offset % 2 == 0 ? "u2" : "u1";
            events.Add(new UsageEvent($"e{offset + 100}", "", day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), "acct-a", user, "api_call", quantity * (offset >= 0 ? 50 : 1), "calls", null, null, null, null));
        }
        using var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);
        await store.Ingestion.WriteAsync(IngestBatch.OfEvents(events), CancellationToken.None);
        using (var connection = store.Workspace.OpenConnection())
        {
            // MRR 100 from day −200, 300 from day −50, 0 from day +5.
            DuckDbCommands.Execute(connection, $"""
                INSERT INTO subscriptions (account_id, effective_at, mrr) VALUES
                ('acct-a', TIMESTAMP '{Day(-200)}', 100), ('acct-a', TIMESTAMP '{Day(-50)}', 300), ('acct-a', TIMESTAMP '{Day(5)}', 0);
                """);
        }
        var context = await KpiContext.CreateAsync(store.Queries, CancellationToken.None);
        var request = new InsightRequest(s_day.AddDays(40), AccountScope.All);
        var history = await ChurnHistory.ReadAsync(request, context, s_day.AddDays(-90), CancellationToken.None);

        var features = (await history.FeaturesAsync(s_day, CancellationToken.None))["acct-a"];
        var churned = await history.ChurnedAfterAsync(s_day, 14, CancellationToken.None);

        // Usage: last 30 days 5 × 30 = 150, the 30 before 10 × 30 = 300: (150 − 300) ÷ 450.
        Assert.Equal(-1 / 3d, features[ChurnFeature.UsageTrend], 9);
        // Users: 1 (u1) against 2 (u1, u2): (1 − 2) ÷ 3.
        Assert.Equal(-1 / 3d, features[ChurnFeature.ActiveUsersTrend], 9);
        Assert.Equal(1, features[ChurnFeature.DaysSinceActivity]);
        Assert.Equal(1, features[ChurnFeature.FeatureBreadth]);
        Assert.Equal(0, features[ChurnFeature.SeatUtilisation]);
        Assert.Equal(Math.Log10(301), features[ChurnFeature.MrrLog], 9);
        Assert.Equal((300 - 100) / 400d, features[ChurnFeature.MrrChange], 9);
        Assert.Equal(0, features[ChurnFeature.Nps]);
        Assert.Equal(60, features[ChurnFeature.Tenure]);
        Assert.Contains("acct-a", churned);
        Assert.Empty(await history.ChurnedAfterAsync(s_day.AddDays(-30), 14, CancellationToken.None));
    }

    private static string Day(int offset) => s_day.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
