using UsageLens.Configuration;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Demo;
using UsageLens.Demo.DuckDb;
using UsageLens.Storage.DuckDb;
using Xunit.Abstractions;

namespace UsageLens.Insights.Tests.Accounts;

/// <summary>
/// The demo's storylines, kept out of the workspace, checked against health and upsell: the growth
/// signal should find expanders well above their base rate, and churners should score lower health than the rest. Prints the
/// figures: run with <c>--logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class DemoAccountInsightTests(ITestOutputHelper output)
{
    public static readonly TheoryData<int> Seeds = [7, 11];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Growth_finds_expanders_and_churners_score_low_health(int seed)
    {
        var options = new DemoOptions(new DateOnly(2026, 11, 15), Accounts: 120, Days: 120, Seed: seed);
        var scenario = DemoScenario.Build(options);
        using var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);
        new DemoWriter(store.Workspace).Write(scenario);
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "usagelens.yaml");
        var configuration = WorkspaceConfigurationReader.Read(path, await File.ReadAllTextAsync(path));
        var context = await KpiContext.CreateAsync(store.Queries, CancellationToken.None, configuration);
        var request = new InsightRequest(options.EndDate, AccountScope.All);
        var trajectory = scenario.Accounts.ToDictionary(a => a.AccountId, a => a.Trajectory);
        var expanders = scenario.Accounts.Where(a => a.Trajectory == DemoTrajectory.Expander).Select(a => a.AccountId).ToHashSet();

        // Expanders grow around a day in the window's middle stretch (35%–85% of it); 30 days before
        // its end most are growing, at its end most have grown and bought the seats and plan they need.
        var upsell = await InsightRegistry.Find("upsell").ComputeAsync(request with { AsOf = options.EndDate.AddDays(-30) }, context, CancellationToken.None);
        var growing = upsell.Findings.Where(f => f.Values.Single(v => v.Name == "growth").Number is not null).Select(f => f.Subject).ToList();
        output.WriteLine($"growth signal: {growing.Count} accounts, {growing.Count(expanders.Contains)} expanders: precision {growing.Count(expanders.Contains) / (double)Math.Max(1, growing.Count):P1}, recall {growing.Count(expanders.Contains) / (double)expanders.Count:P1}; not expanders: {string.Join(", ", growing.Where(g => !expanders.Contains(g)).Select(g => trajectory[g]))}");
        var health = await InsightRegistry.Find("health").ComputeAsync(request, context, CancellationToken.None);

        var top = upsell.Findings.Take(expanders.Count).Select(f => f.Subject).ToList();
        var hits = top.Count(expanders.Contains);
        var precision = top.Count == 0 ? 0 : hits / (double)top.Count;
        var recall = expanders.Count == 0 ? 1 : upsell.Findings.Take(2 * expanders.Count).Count(f => expanders.Contains(f.Subject)) / (double)expanders.Count;
        output.WriteLine($"seed {seed}: {expanders.Count} expanders, {upsell.Findings.Count} upsell findings; top {top.Count}: precision {precision:P1} ({hits}/{top.Count}); recall in the top {2 * expanders.Count}: {recall:P1}");
        foreach (var finding in upsell.Findings.Take(expanders.Count))
        {
            output.WriteLine($"  {finding.Subject} {trajectory[finding.Subject]} {finding.Kind} {finding.Score}");
        }

        var churners = health.Findings.Where(f => trajectory[f.Subject] == DemoTrajectory.Churner).ToList();
        var others = health.Findings.Where(f => trajectory[f.Subject] != DemoTrajectory.Churner).ToList();
        var churnerMean = churners.Average(f => f.Score);
        var mean = health.Findings.Average(f => f.Score);
        output.WriteLine($"health: {health.Findings.Count} accounts scored, mean {mean:0.0}; {churners.Count} churners scored, mean {churnerMean:0.0}, others {others.Average(f => f.Score):0.0}; churners at risk: {churners.Count(f => f.Kind == "at-risk")}");
        foreach (var group in health.Findings.GroupBy(f => trajectory[f.Subject]).OrderBy(g => g.Average(f => f.Score)))
        {
            output.WriteLine($"  {group.Key}: {group.Count()} accounts, mean health {group.Average(f => f.Score):0.0}");
        }

        Assert.NotEmpty(expanders);
        Assert.NotEmpty(churners);
        Assert.True(churnerMean < mean - 10, $"churners average {churnerMean:0.0}, all accounts {mean:0.0}");
        // Measured (120 accounts × 120 days, as of 30 days before the end): the growth signal finds 7 of
        // 16 expanders among 20 accounts (seed 7) and 10 of 16 among 19 (seed 11); the rest are accounts
        // ramping up (new, reactivated, converted trials). In the ranked list the demo's plan
        // allowances and seats, which its storylines do not set by trajectory, put many accounts over a
        // limit, so the top 16 hold only 3 (seed 7) and 4 (seed 11) expanders. Churners average 18.4 and
        // 22.3 health against 76.2 and 76.4 for all accounts (10 and 9 of their 12 at risk).
        var baseRate = expanders.Count / (double)trajectory.Count;
        var growthHits = growing.Count(expanders.Contains);
        Assert.True(growthHits >= 2 * baseRate * growing.Count, $"growth precision {growthHits}/{growing.Count}, base rate {baseRate:P1}");
        Assert.InRange(growthHits / (double)expanders.Count, 0.4, 1);
        Assert.True(precision > baseRate, $"top-{top.Count} precision {precision:P1}, base rate {baseRate:P1}");
    }
}
