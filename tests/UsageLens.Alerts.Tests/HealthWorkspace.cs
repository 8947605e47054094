using System.Globalization;
using UsageLens.Core.Accounts;
using UsageLens.Core.Configuration;
using UsageLens.Core.Events;
using UsageLens.Core.Finance;
using UsageLens.Core.Kpis;
using UsageLens.Core.Storage;
using UsageLens.Insights;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Alerts.Tests;

/// <summary>
/// The insights tests' accounts workspace (tests/UsageLens.Insights.Tests/Accounts), copied: four smb accounts (a and c with partner p1, b and d with p2) with usage, users, seats,
/// subscriptions on plan basic (250 api_calls included) and NPS answers around 1 September 2026, some
/// after it. The expected health and upsell figures are worked out by hand in the tests.
/// </summary>
internal static class HealthWorkspace
{
    public static readonly DateOnly AsOf = new(2026, 9, 1);

    public static WorkspaceConfiguration Configuration { get; } = new(new Dictionary<string, RatePlan>
    {
        ["basic"] = new("basic", new Dictionary<string, MeterPrice> { ["api_call"] = new(250, 0.01, TierMode.Graduated, []) }),
    });

    // (account, day, event, quantity, user)
    private static readonly (string, string, string, double, string)[] s_events =
    [
        ("acct-a", "2026-07-10", "api_call", 100, "u1"),
        ("acct-a", "2026-08-20", "api_call", 150, "u1"),
        ("acct-a", "2026-08-21", "export", 1, "u2"),
        ("acct-b", "2026-07-15", "api_call", 200, "u3"),
        ("acct-b", "2026-07-16", "report", 50, "u3"),
        ("acct-b", "2026-08-05", "api_call", 50, "u3"),
        ("acct-b", "2026-09-03", "api_call", 5000, "u3"),
        ("acct-c", "2026-07-20", "api_call", 100, "u4"),
        ("acct-c", "2026-08-25", "api_call", 100, "u4"),
        ("acct-c", "2026-08-25", "report", 10, "u4"),
        ("acct-d", "2026-07-12", "api_call", 100, "u5"),
        ("acct-d", "2026-08-10", "api_call", 300, "u5"),
        ("acct-d", "2026-08-11", "export", 1, "u6"),
        ("acct-d", "2026-09-02", "export", 1, "u7"),
    ];

    // (account, effective day, mrr)
    private static readonly (string, string, double)[] s_subscriptions =
    [
        ("acct-a", "2026-06-01", 100),
        ("acct-a", "2026-08-01", 150),
        ("acct-b", "2026-06-01", 200),
        ("acct-b", "2026-08-15", 100),
        ("acct-b", "2026-09-02", 0),
        ("acct-d", "2026-07-01", 50),
    ];

    // (account, day, score)
    private static readonly (string, string, int)[] s_answers =
    [
        ("acct-a", "2026-08-10", 9),
        ("acct-b", "2026-07-01", 3),
        ("acct-b", "2026-09-02", 10),
    ];

    /// <summary>The workspace, keeping only what happened before <paramref name="before"/> when given.</summary>
    public static async Task<DuckDbWorkspaceStore> OpenAsync(DateOnly? before = null)
    {
        bool Kept(string day) => before is not { } limit || Day(day) < limit;
        var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);
        var events = s_events.Where(e => Kept(e.Item2)).Select((e, i) => new UsageEvent($"e{i}", "", Day(e.Item2).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), e.Item1, e.Item5, e.Item3, e.Item4, "count", null, null, null, null)).ToList();
        var accounts = new[] { ("acct-a", "p1", (int?)4), ("acct-b", "p2", 10), ("acct-c", "p1", null), ("acct-d", "p2", 2) }
            .Select(a => new AccountUpsert(a.Item1, new Dictionary<AccountField, object?> { [AccountField.Segment] = "smb", [AccountField.PartnerId] = a.Item2, [AccountField.LicensedSeats] = a.Item3 }, null))
            .ToList();
        await store.Ingestion.WriteAsync(new IngestBatch(events, accounts, []), CancellationToken.None);
        using var connection = store.Workspace.OpenConnection();
        foreach (var (account, day, mrr) in s_subscriptions.Where(s => Kept(s.Item2)))
        {
            DuckDbCommands.Execute(connection, "INSERT INTO subscriptions (account_id, effective_at, mrr, plan) VALUES ($1, $2, $3, 'basic')", account, Day(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), mrr);
        }
        foreach (var (account, day, score) in s_answers.Where(a => Kept(a.Item2)))
        {
            DuckDbCommands.Execute(connection, "INSERT INTO nps (account_id, user_id, responded_at, score) VALUES ($1, $2, $3, $4)", account, $"{account}-{day}", Day(day).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), score);
        }
        return store;
    }

    public static async Task<InsightResult> ComputeAsync(IWorkspaceStore store, string insight, InsightRequest request)
    {
        var context = await KpiContext.CreateAsync(store.Queries, CancellationToken.None, Configuration);
        return await InsightRegistry.Find(insight).ComputeAsync(request, context, CancellationToken.None);
    }

    private static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
