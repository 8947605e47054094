using System.Globalization;
using UsageLens.Demo;
using UsageLens.Core.Kpis;
using UsageLens.Storage.DuckDb;
using UsageLens.Demo.DuckDb;
using Xunit.Abstractions;

namespace UsageLens.Insights.Tests.Anomalies;

/// <summary>
/// The demo injects one-day spikes (×10) and outages (×0) into steady, busy accounts; the anomalies
/// insight, reading the demo workspace through the KPI path, must find them and little else. The
/// test prints precision and recall: run it with <c>--logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class DemoAnomalyRecallTests(ITestOutputHelper output)
{
    // Two workspaces, so there are enough injected anomalies (one per 40 accounts) to measure.
    public static readonly TheoryData<int> Seeds = [7, 11];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Injected_anomalies_are_found_with_high_precision_and_recall(int seed)
    {
        var options = new DemoOptions(new DateOnly(2026, 11, 15), Accounts: 240, Days: 75, Seed: seed);
        var scenario = DemoScenario.Build(options);
        using var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);
        new DemoWriter(store.Workspace).Write(scenario);
        var context = await KpiContext.CreateAsync(store.Queries, CancellationToken.None);
        var injectedMeters = scenario.Anomalies.Select(a => a.Meter).ToHashSet();
        var findings = new List<InsightFinding>();
        foreach (var meter in injectedMeters.Order(StringComparer.Ordinal))
        {
            var request = new InsightRequest(options.EndDate, Core.Semantics.AccountScope.All) { Metric = meter, Options = new Dictionary<string, string> { ["lookback"] = "75" } };
            findings.AddRange((await InsightRegistry.Find("anomalies").ComputeAsync(request, context, CancellationToken.None)).Findings);
        }

        var injected = scenario.Anomalies.Select(a => (a.AccountId, a.Meter, Day: a.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToHashSet();
        var blips = findings.Where(f => f.Kind is "anomaly" or "ongoing").ToList();
        var hits = blips.Where(f => injected.Contains(Key(f))).ToList();
        var found = injected.Where(i => findings.Any(f => Key(f) == i)).ToList();
        var precision = blips.Count == 0 ? 1 : hits.Count / (double)blips.Count;
        var recall = found.Count / (double)injected.Count;
        output.WriteLine($"seed {seed}: {injected.Count} injected, {findings.Count} findings ({blips.Count} one-day, {findings.Count - blips.Count} change points)");
        output.WriteLine($"one-day precision {precision:P1} ({hits.Count}/{blips.Count}), recall {recall:P1} ({found.Count}/{injected.Count})");
        foreach (var missed in injected.Except(found))
        {
            output.WriteLine($"missed {missed}");
        }
        foreach (var extra in blips.Where(f => !injected.Contains(Key(f))))
        {
            output.WriteLine($"not injected: {extra.Subject} {extra.Kind} {extra.Why}");
        }
        foreach (var change in findings.Except(blips))
        {
            output.WriteLine($"change point: {change.Subject} {change.Kind} {change.Why}");
        }

        // Measured with the defaults (threshold 8): seed 7 finds 6/6 with 6 of 9 one-day findings
        // injected; seed 11 finds 5/6 (the miss is an export spike on a series of under one export a
        // day, below the minimum volume) with 5 of 6. The other one-day findings are days early in a new
        // account's ramp-up; the change points are demo churners that stopped, each reported once.
        Assert.InRange(recall, 0.8, 1);
        Assert.InRange(precision, 0.6, 1);
        Assert.All(findings.Except(blips), f => Assert.Equal("stopped", f.Kind));
    }

    private static (string, string, string) Key(InsightFinding finding) =>
        (finding.Subject, finding.Values.Single(v => v.Name == "metric").Text!, finding.Values.Single(v => v.Name == "day").Text!);
}
