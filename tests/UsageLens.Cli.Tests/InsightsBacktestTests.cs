using System.Text.Json;
using UsageLens.Demo;
using Xunit.Abstractions;

namespace UsageLens.Cli.Tests;

/// <summary>
/// <c>usagelens insights --backtest</c> builds the demo in memory and scores the insights against its
/// storylines. The counts of what the demo made are recomputed here from the scenario itself, and the
/// printed precision and recall must clear what the insights are documented to reach. Prints the
/// lines: run with <c>--logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class InsightsBacktestTests(ITestOutputHelper output)
{
    private static readonly DemoOptions s_options = new(new DateOnly(2026, 11, 15), Accounts: 160, Days: 240, Seed: 7);

    [Fact]
    public async Task Backtest_prints_precision_and_recall_for_each_demo_storyline()
    {
        var (exit, stdout, error) = await CliRun.RunAsync("insights", "--backtest", "--accounts", "160", "--days", "240", "--seed", "7", "--as-of", "2026-11-15", "--format", "json");

        Assert.True(exit == 0, error);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(l => l.GetProperty("storyline").GetString()!);
        foreach (var line in lines.Values)
        {
            output.WriteLine(line.GetRawText());
        }
        var scenario = DemoScenario.Build(s_options);
        var churnAsOf = s_options.EndDate.AddDays(-45);
        var cancelling = scenario.Accounts.Where(a => a.Trajectory == DemoTrajectory.Churner)
            .Count(a => scenario.Subscriptions.Where(s => s.AccountId == a.AccountId && s.Mrr == 0).Select(s => DateOnly.FromDateTime(s.EffectiveAt)).DefaultIfEmpty(DateOnly.MaxValue).Min() is var day && day >= churnAsOf && day < churnAsOf.AddDays(60));

        // Trials open (started in the 30 days before) and still unpaid on every seventh day of the last 112, that pay later.
        var converting = 0;
        for (var day = s_options.EndDate.AddDays(-112); day <= s_options.EndDate; day = day.AddDays(7))
        {
            converting += scenario.Accounts.Where(a => a.Trajectory == DemoTrajectory.TrialConverted)
                .Select(a => scenario.Subscriptions.Where(s => s.AccountId == a.AccountId).OrderBy(s => s.EffectiveAt).ToList())
                .Count(rows => DateOnly.FromDateTime(rows[0].EffectiveAt) is var start && start < day && start >= day.AddDays(-30)
                    && DateOnly.FromDateTime(rows.First(r => r.Mrr > 0).EffectiveAt) >= day);
        }

        Assert.Equal(scenario.Anomalies.Count, Int(lines["injected anomalies"], "actual"));
        Assert.Equal(converting, Int(lines["converting trials"], "actual"));
        Assert.Equal(cancelling, Int(lines["churners"], "actual"));
        Assert.Equal(scenario.Accounts.Count(a => a.Trajectory == DemoTrajectory.Expander), Int(lines["expanders"], "actual"));
        foreach (var line in lines.Values)
        {
            Assert.Equal(Int(line, "flagged") == 0 ? 1 : Int(line, "hits") / (double)Int(line, "flagged"), Number(line, "precision"), 3);
            Assert.Equal(Int(line, "found") / (double)Int(line, "actual"), Number(line, "recall"), 3);
        }
        // Measured on this demo (160 accounts × 240 days, seed 7); the floors sit below, the base rates far below.
        Assert.InRange(Number(lines["injected anomalies"], "recall"), 0.75, 1);
        Assert.InRange(Number(lines["injected anomalies"], "precision"), 0.5, 1);
        Assert.InRange(Number(lines["churners"], "recall"), 0.4, 1);
        Assert.InRange(Number(lines["expanders"], "precision"), 2 * Int(lines["expanders"], "actual") / 160.0, 1);
        Assert.InRange(Number(lines["converting trials"], "precision"), 0.6, 1);
        Assert.InRange(Number(lines["converting trials"], "recall"), 0.3, 1);
    }

    private static int Int(JsonElement line, string name) => line.GetProperty(name).GetInt32();

    private static double Number(JsonElement line, string name) => line.GetProperty(name).GetDouble();
}
