using System.Text.Json;
using UsageLens.Core.Configuration.Alerts;
using UsageLens.Insights.Tests.Accounts;

namespace UsageLens.Alerts.Tests;

public sealed class RuleEvaluationTests : IDisposable
{
    private readonly AlertHarness _harness = new();

    [Theory]
    // By hand (UsageWorkspace): 266 calls in the 7 days before 1 September. The comparison is strict.
    [InlineData(ThresholdDirection.Above, 265.5, true)]
    [InlineData(ThresholdDirection.Above, 266, false)]
    [InlineData(ThresholdDirection.Below, 266.5, true)]
    [InlineData(ThresholdDirection.Below, 266, false)]
    public async Task A_threshold_fires_exactly_on_the_far_side_of_the_hand_computed_KPI(ThresholdDirection direction, double value, bool fires)
    {
        using var store = await UsageWorkspace.OpenAsync();
        var rule = new ThresholdAlertRule("calls", "0 8 * * *", [AlertHarness.Target(new Uri("http://127.0.0.1:9/unused"))], "usage", direction, value) { Metric = "api_call" };

        var run = await AlertHarness.RunAsync(_harness.Runner, rule, store, new DateOnly(2026, 9, 1), dryRun: true);

        Assert.Equal(fires, run.Firings.Count == 1);
        Assert.Contains("is 266 ", Assert.Single(run.Changes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threshold_fires_when_it_is_crossed_not_while_it_stays_crossed_and_again_after_it_clears()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var store = await UsageWorkspace.OpenAsync();
        var rule = new ThresholdAlertRule("calls-low", "0 8 * * *", [AlertHarness.Target(receiver.Url)], "usage", ThresholdDirection.Below, 100) { Metric = "api_call" };

        // By hand (UsageWorkspace): the 7 days before 1 Sep hold 266 calls, before 8 Sep 98, before 9 Sep 105.
        var fired = new List<(DateOnly, int)>();
        foreach (var day in new[] { new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 8), new DateOnly(2026, 9, 8), new DateOnly(2026, 9, 9), new DateOnly(2026, 9, 8) })
        {
            var run = await AlertHarness.RunAsync(_harness.Runner, rule, store, day);
            fired.Add((day, run.Firings.Count));
        }

        // Crossed on 8 Sep (98 < 100): fires once; the same day again: still below, no repeat; 9 Sep (105): clear;
        // 8 Sep once more: below again after clearing, a new firing with a new key.
        Assert.Equal([0, 1, 0, 0, 1], fired.Select(f => f.Item2));
        var keys = receiver.Requests.Select(r => r.Headers["Idempotency-Key"]).ToList();
        Assert.Equal(2, keys.Distinct().Count());
        using var body = JsonDocument.Parse(receiver.Requests.First().Body);
        Assert.Equal(98, body.RootElement.GetProperty("values").GetProperty("value").GetDouble());
        Assert.Equal("clear", body.RootElement.GetProperty("previous").GetString());
    }

    [Fact]
    public async Task A_health_band_change_fires_once_and_not_again_on_the_next_run()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var store = await AccountsWorkspace.OpenAsync();
        var rule = new HealthBandAlertRule("to-at-risk", "0 8 * * *", [AlertHarness.Target(receiver.Url)]) { To = "at-risk" };

        // The health insight's bands (its scores are worked out by hand in the insights tests): on 14 August
        // a is at risk, b neutral (62.4), c neutral, d healthy; on 16 August b is at risk (39.6), the others
        // unchanged; on 17 August nothing changes; on 20 August c falls to at risk (14.9).
        var first = await AlertHarness.RunAsync(_harness.Runner, rule, store, new DateOnly(2026, 8, 14));
        var second = await AlertHarness.RunAsync(_harness.Runner, rule, store, new DateOnly(2026, 8, 16));
        var third = await AlertHarness.RunAsync(_harness.Runner, rule, store, new DateOnly(2026, 8, 17));
        var fourth = await AlertHarness.RunAsync(_harness.Runner, rule, store, new DateOnly(2026, 8, 20));

        // The first evaluation only records the bands: a change needs a band seen before.
        Assert.Empty(first.Firings);
        Assert.Equal(4, first.Changes.Count);
        var b = Assert.Single(second.Firings);
        Assert.Equal(("acct-b", "neutral", "at-risk"), (b.Subject, b.Previous, b.State));
        Assert.Empty(third.Firings);
        Assert.Equal(["acct-c"], fourth.Firings.Select(f => f.Subject));
        Assert.Equal(2, receiver.Requests.Count);
        using var body = JsonDocument.Parse(receiver.Requests.First().Body);
        Assert.Equal(39.6, body.RootElement.GetProperty("values").GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task A_health_band_rule_without_a_target_band_fires_on_every_change()
    {
        using var store = await AccountsWorkspace.OpenAsync();
        var rule = new HealthBandAlertRule("any-change", "0 8 * * *", [AlertHarness.Target(new Uri("http://127.0.0.1:9/unused"))]);

        await AlertHarness.RunAsync(_harness.Runner, rule, store, new DateOnly(2026, 8, 20));
        // From 20 to 21 August (see above) a goes from at risk to healthy (79.2); the others keep their band.
        var run = await AlertHarness.RunAsync(_harness.Runner, rule, store, new DateOnly(2026, 8, 21), dryRun: true);

        Assert.Equal([("acct-a", "at-risk", "healthy")], run.Firings.Select(f => (f.Subject, f.Previous, f.State)));
    }

    public void Dispose() => _harness.Dispose();
}
