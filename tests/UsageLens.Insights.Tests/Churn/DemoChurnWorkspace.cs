using System.Globalization;
using UsageLens.Core.Kpis;
using UsageLens.Demo;
using UsageLens.Demo.DuckDb;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Insights.Tests.Churn;

/// <summary>
/// A demo workspace (160 accounts, 240 days) whose churners' usage fades for three to seven weeks
/// before their subscription is cancelled, built once for the churn tests; and the same workspace
/// with every row on or after the as-of day deleted. Both in-memory stores live as long as the test run.
/// </summary>
internal sealed class DemoChurnWorkspace
{
    public static readonly DemoOptions Options = new(new DateOnly(2026, 11, 15), Accounts: 160, Days: 240, Seed: 7);

    /// <summary>45 days before the demo ends, so churners cancelling after it are still paying and fading.</summary>
    public static readonly DateOnly AsOf = Options.EndDate.AddDays(-45);

    private static readonly Lazy<DemoChurnWorkspace> s_shared = new(() => new DemoChurnWorkspace());

    private DemoChurnWorkspace()
    {
        Scenario = DemoScenario.Build(Options);
        Full = Open(Scenario, truncate: false);
        Truncated = Open(Scenario, truncate: true);
    }

    public static DemoChurnWorkspace Shared => s_shared.Value;

    public DemoScenario Scenario { get; }

    public DuckDbWorkspaceStore Full { get; }

    public DuckDbWorkspaceStore Truncated { get; }

    /// <summary>Each demo churner's cancellation day: the first subscription change to MRR 0.</summary>
    public IReadOnlyDictionary<string, DateOnly> ChurnDays() =>
        Scenario.Accounts.Where(a => a.Trajectory == DemoTrajectory.Churner).ToDictionary(
            a => a.AccountId,
            a => DateOnly.FromDateTime(Scenario.Subscriptions.Where(s => s.AccountId == a.AccountId && s.Mrr == 0).Min(s => s.EffectiveAt)),
            StringComparer.Ordinal);

    public static async Task<InsightResult> ComputeAsync(DuckDbWorkspaceStore store, InsightRequest request)
    {
        var context = await KpiContext.CreateAsync(store.Queries, CancellationToken.None);
        return await InsightRegistry.Find("churn-risk").ComputeAsync(request, context, CancellationToken.None);
    }

    private static DuckDbWorkspaceStore Open(DemoScenario scenario, bool truncate)
    {
        var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);
        new DemoWriter(store.Workspace).Write(scenario);
        if (truncate)
        {
            var day = AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            using var connection = store.Workspace.OpenConnection();
            DuckDbCommands.Execute(connection, $"""
                DELETE FROM events WHERE timestamp >= TIMESTAMP '{day}';
                DELETE FROM {EventRollups.AccountDays} WHERE day >= TIMESTAMP '{day}';
                DELETE FROM {EventRollups.UserDays} WHERE day >= TIMESTAMP '{day}';
                DELETE FROM subscriptions WHERE effective_at >= TIMESTAMP '{day}';
                DELETE FROM nps WHERE responded_at >= TIMESTAMP '{day}';
                """);
        }
        return store;
    }
}
