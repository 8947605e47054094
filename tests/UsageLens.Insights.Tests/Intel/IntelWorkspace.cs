using System.Globalization;
using UsageLens.Core.Accounts;
using UsageLens.Core.Configuration;
using UsageLens.Core.Events;
using UsageLens.Core.Finance;
using UsageLens.Core.Kpis;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Insights.Tests.Intel;

/// <summary>
/// Twelve accounts, as of 1 September 2026. Segment smb: c1, c2, c3 converted from a trial on plan growth
/// (trial row 1 June, paying 100 from 1 July); t1, t2 and t3 are on a trial now (t3 on a plan named
/// "trial"), t4's trial began 15 June and lapsed. Segment mid, plan pro: d1, d2 and d3 pay on a 10%,
/// 20% and 25% discount, d4 at list price. x1 (segment ent) cancelled on 15 August. Partners: p2 holds c3, t3 and d3, p1 the rest. Rate plans
/// growth and pro price api_call and export. NPS answers: d1 9, d2 5, d4 8, c1 10 (in March), c2 2, and d3 10
/// after as-of. Some rows and events fall on or after 1 September.
/// The expected figures are worked out by hand in the tests.
/// </summary>
internal static class IntelWorkspace
{
    public static readonly DateOnly AsOf = new(2026, 9, 1);

    public static WorkspaceConfiguration Configuration { get; } = new(new Dictionary<string, RatePlan>
    {
        ["growth"] = new("growth", new Dictionary<string, MeterPrice> { ["api_call"] = Price(200, 0.1), ["export"] = Price(1, 2) }),
        ["pro"] = new("pro", new Dictionary<string, MeterPrice> { ["api_call"] = Price(1000, 0.05), ["export"] = Price(10, 1) }),
    });

    // (account, segment, partner, licensed seats)
    private static readonly (string, string, string, int?)[] s_accounts =
    [
        ("c1", "smb", "p1", 5), ("c2", "smb", "p1", 4), ("c3", "smb", "p2", null),
        ("t1", "smb", "p1", 3), ("t2", "smb", "p1", 3), ("t3", "smb", "p2", null), ("t4", "smb", "p1", null),
        ("d1", "mid", "p1", 10), ("d2", "mid", "p1", 10), ("d3", "mid", "p2", 10), ("d4", "mid", "p1", 10),
        ("x1", "ent", "p1", null),
    ];

    // (account, day, event, quantity, user)
    private static readonly (string, string, string, double, string)[] s_events =
    [
        ("c1", "2026-08-10", "api_call", 100, "u1"), ("c1", "2026-08-10", "api_call", 100, "u2"), ("c1", "2026-08-11", "export", 2, "u1"),
        ("c2", "2026-08-12", "api_call", 200, "u3"), ("c2", "2026-08-12", "api_call", 100, "u4"), ("c2", "2026-08-12", "api_call", 100, "u5"), ("c2", "2026-08-13", "report", 4, "u3"),
        ("c3", "2026-08-14", "api_call", 100, "u10"), ("c3", "2026-08-14", "export", 1, "u10"), ("c3", "2026-08-14", "report", 1, "u10"),
        ("t1", "2026-08-20", "api_call", 100, "u6"), ("t1", "2026-08-28", "api_call", 200, "u7"), ("t1", "2026-08-28", "export", 1, "u6"), ("t1", "2026-09-02", "api_call", 1000, "u6"),
        ("t2", "2026-08-19", "api_call", 50, "u8"), ("t2", "2026-08-26", "api_call", 10, "u8"),
        ("t3", "2026-08-27", "api_call", 200, "u9"), ("t3", "2026-08-27", "report", 1, "u9"),
        ("t4", "2026-06-20", "api_call", 10, "u11"),
        ("d1", "2026-07-20", "api_call", 500, "u20"), ("d1", "2026-08-20", "api_call", 1000, "u20"),
        ("d2", "2026-07-20", "api_call", 100, "u21"), ("d2", "2026-08-20", "api_call", 100, "u21"),
        ("d3", "2026-07-20", "api_call", 800, "u22"), ("d3", "2026-08-20", "api_call", 800, "u22"), ("d3", "2026-09-01", "api_call", 5000, "u22"),
        ("d4", "2026-07-20", "api_call", 300, "u23"), ("d4", "2026-08-20", "api_call", 600, "u23"),
        ("x1", "2026-07-10", "api_call", 50, "u30"),
    ];

    // (account, effective day, plan, mrr, discount %)
    private static readonly (string, string, string, double, double?)[] s_subscriptions =
    [
        ("c1", "2026-06-01", "growth", 0, 100), ("c1", "2026-07-01", "growth", 100, null), ("c1", "2026-09-05", "pro", 300, null),
        ("c2", "2026-06-01", "growth", 0, 100), ("c2", "2026-07-01", "growth", 100, null),
        ("c3", "2026-06-01", "growth", 0, 100), ("c3", "2026-07-01", "growth", 100, null),
        ("t1", "2026-08-10", "growth", 0, 100),
        ("t2", "2026-08-05", "growth", 0, 100), ("t2", "2026-09-03", "growth", 100, null),
        ("t3", "2026-08-25", "trial", 0, null),
        ("t4", "2026-06-15", "growth", 0, 100),
        ("d1", "2026-05-01", "pro", 180, 10), ("d2", "2026-05-01", "pro", 160, 20), ("d3", "2026-05-01", "pro", 150, 25), ("d4", "2026-05-01", "pro", 200, null),
        ("d1", "2026-09-01", "pro", 200, null),
        ("x1", "2026-03-01", "pro", 300, null), ("x1", "2026-08-15", "pro", 0, null),
    ];

    // (account, day, score): NPS answers.
    private static readonly (string, string, int)[] s_answers =
    [
        ("d1", "2026-08-15", 9), ("d2", "2026-08-10", 5), ("d4", "2026-07-01", 8), ("d3", "2026-09-02", 10),
        ("c1", "2026-03-01", 10), ("c2", "2026-08-01", 2),
    ];

    /// <summary>The workspace, keeping only what happened before <paramref name="before"/> when given.</summary>
    public static async Task<DuckDbWorkspaceStore> OpenAsync(DateOnly? before = null)
    {
        bool Kept(string day) => before is not { } limit || Day(day) < limit;
        var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);
        var events = s_events.Where(e => Kept(e.Item2)).Select((e, i) => new UsageEvent($"e{i}", "", Day(e.Item2).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), e.Item1, e.Item5, e.Item3, e.Item4, "count", null, null, null, null)).ToList();
        var accounts = s_accounts
            .Select(a => new AccountUpsert(a.Item1, new Dictionary<AccountField, object?> { [AccountField.Segment] = a.Item2, [AccountField.PartnerId] = a.Item3, [AccountField.LicensedSeats] = a.Item4 }, null))
            .ToList();
        await store.Ingestion.WriteAsync(new IngestBatch(events, accounts, []), CancellationToken.None);
        using var connection = store.Workspace.OpenConnection();
        foreach (var (account, day, plan, mrr, discount) in s_subscriptions.Where(s => Kept(s.Item2)))
        {
            DuckDbCommands.Execute(connection, "INSERT INTO subscriptions (account_id, effective_at, plan, mrr, discount_pct) VALUES ($1, $2, $3, $4, $5)", account, Day(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), plan, mrr, discount);
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
        var known = InsightRegistry.Find(insight);
        return await known.ComputeAsync(request, context, CancellationToken.None);
    }

    public static InsightRequest Request(Core.Semantics.AccountScope scope, params string[] options) =>
        new(AsOf, scope)
        {
            Options = options.Select(o => o.Split('=')).ToDictionary(o => o[0], o => o[1], StringComparer.OrdinalIgnoreCase),
        };

    private static MeterPrice Price(double included, double unitPrice) => new(included, unitPrice, TierMode.Graduated, []);

    private static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
