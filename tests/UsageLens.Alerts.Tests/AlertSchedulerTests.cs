using Microsoft.Extensions.Time.Testing;
using UsageLens.Core.Configuration.Alerts;
using UsageLens.Core.Kpis;

namespace UsageLens.Alerts.Tests;

public sealed class AlertSchedulerTests : IDisposable
{
    private readonly AlertHarness _harness = new();

    [Fact]
    public async Task Rules_run_at_their_cron_occurrences_as_of_the_clocks_day_and_disabled_ones_never()
    {
        using var store = await UsageWorkspace.OpenAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 10, 2, 0, TimeSpan.Zero));
        var hook = new[] { AlertHarness.Target(new Uri("http://127.0.0.1:9/unused")) };
        // Never above a billion calls, so nothing is delivered; only the evaluations are counted.
        var rules = new AlertRule[]
        {
            new ThresholdAlertRule("every-5", "*/5 * * * *", hook, "usage", ThresholdDirection.Above, 1e9) { Metric = "api_call" },
            new ThresholdAlertRule("at-11", "0 11 * * *", hook, "usage", ThresholdDirection.Above, 1e9) { Metric = "api_call" },
            new ThresholdAlertRule("off", "* * * * *", hook, "usage", ThresholdDirection.Above, 1e9) { Enabled = false },
        };
        var seen = new List<(string Rule, DateTimeOffset At, DateOnly AsOf)>();
        using var evaluated = new SemaphoreSlim(0);
        var scheduler = new AlertScheduler(_harness.Runner, rules, token => KpiContext.CreateAsync(store.Queries, token), clock)
        {
            Evaluated = run =>
            {
                lock (seen)
                {
                    seen.Add((run.Rule, clock.GetUtcNow(), run.AsOf));
                }
                evaluated.Release();
            },
            Failed = (rule, error) => Assert.Fail($"{rule.Name}: {error}"),
        };
        using var stop = new CancellationTokenSource();
        var running = scheduler.RunAsync(stop.Token);

        // Minute by minute from 10:02 to 11:00; at each expected occurrence wait for its evaluation.
        var expected = new[] { 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55 }.Select(m => ("every-5", m)).Append(("every-5", 60)).Append(("at-11", 60)).ToList();
        for (var minute = 3; minute <= 60; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var due = expected.Count(e => e.Item2 == minute);
            for (var i = 0; i < due; i++)
            {
                Assert.True(await evaluated.WaitAsync(TimeSpan.FromSeconds(60)), $"no evaluation at minute {minute}");
            }
            if (due == 0)
            {
                await Task.Delay(20);
            }
        }
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        var start = new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected.Select(e => (e.Item1, start.AddMinutes(e.Item2), new DateOnly(2026, 9, 1))), seen);
    }

    public void Dispose() => _harness.Dispose();
}
