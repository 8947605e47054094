using System.Text.Json;
using UsageLens.Configuration;
using UsageLens.Core.Configuration;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Insights.Tests.Churn;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Insights.Tests.Workspaces;

/// <summary>
/// Properties every insight of the registry must keep, checked on the demo workspace (160 accounts ×
/// 240 days) for each one, so an insight added later is checked without a new test: deleting every row
/// on or after the as-of day changes no byte of its output, and multiplying every usage quantity by a
/// constant changes no ranking of an insight that ranks accounts by how their usage behaves.
/// </summary>
public sealed class EveryInsightPropertyTests
{
    private static readonly Lazy<DuckDbWorkspaceStore> s_scaled = new(() => Scaled(4));

    public static TheoryData<string> Insights()
    {
        var names = new TheoryData<string>();
        foreach (var insight in InsightRegistry.All)
        {
            names.Add(insight.Definition.Name);
        }
        return names;
    }

    // These rank accounts by ratios, recency and breadth of usage, never by its absolute amount (plan
    // limits and prices are absolute, so upsell and pricing insights are left out on purpose).
    public static readonly TheoryData<string> ScaleFreeRankings = ["churn-risk", "health"];

    [Theory]
    [MemberData(nameof(Insights))]
    public async Task Deleting_every_row_on_or_after_the_as_of_day_changes_no_output(string insight)
    {
        var workspace = DemoChurnWorkspace.Shared;
        var request = Request(insight);

        var full = JsonSerializer.Serialize(await ComputeAsync(workspace.Full, insight, request));
        var truncated = JsonSerializer.Serialize(await ComputeAsync(workspace.Truncated, insight, request));

        Assert.Equal(truncated, full);
    }

    [Theory]
    [MemberData(nameof(ScaleFreeRankings))]
    public async Task Scaling_every_quantity_by_a_constant_changes_no_ranking(string insight)
    {
        var request = Request(insight);

        var plain = await ComputeAsync(DemoChurnWorkspace.Shared.Full, insight, request);
        var scaled = await ComputeAsync(s_scaled.Value, insight, request);

        Assert.NotEmpty(plain.Findings);
        Assert.Equal(plain.Findings.Select(f => (f.Subject, f.Kind)), scaled.Findings.Select(f => (f.Subject, f.Kind)));
    }

    // Trend and comparison follow a KPI; every other insight runs on its defaults.
    private static InsightRequest Request(string insight) => insight switch
    {
        "trend" => new InsightRequest(DemoChurnWorkspace.AsOf, AccountScope.All) { Kpi = "top-customer-share", Metric = "api_call" },
        "comparison" => new InsightRequest(DemoChurnWorkspace.AsOf, AccountScope.All) { Kpi = "usage", Metric = "api_call", Dimension = "segment" },
        _ => new InsightRequest(DemoChurnWorkspace.AsOf, AccountScope.All),
    };

    private static async Task<InsightResult> ComputeAsync(DuckDbWorkspaceStore store, string insight, InsightRequest request)
    {
        var context = await KpiContext.CreateAsync(store.Queries, CancellationToken.None, Configuration());
        return await InsightRegistry.Find(insight).ComputeAsync(request, context, CancellationToken.None);
    }

    private static WorkspaceConfiguration Configuration()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "usagelens.yaml");
        return WorkspaceConfigurationReader.Read(path, File.ReadAllText(path));
    }

    // A power of two multiplies doubles exactly, so every ratio the insights compute stays the same bit for bit.
    private static DuckDbWorkspaceStore Scaled(int factor)
    {
        var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);
        new Demo.DuckDb.DemoWriter(store.Workspace).Write(DemoChurnWorkspace.Shared.Scenario);
        using var connection = store.Workspace.OpenConnection();
        DuckDbCommands.Execute(connection, $"""
            UPDATE events SET quantity = quantity * {factor};
            UPDATE {EventRollups.AccountDays} SET quantity = quantity * {factor};
            UPDATE {EventRollups.UserDays} SET quantity = quantity * {factor};
            """);
        return store;
    }
}
