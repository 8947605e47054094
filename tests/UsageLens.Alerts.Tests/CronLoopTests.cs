using Microsoft.Extensions.Time.Testing;

namespace UsageLens.Alerts.Tests;

public sealed class CronLoopTests
{
    [Fact]
    public async Task An_item_runs_at_its_occurrence_even_when_the_clock_moved_while_the_loop_started_its_timer()
    {
        var start = new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);
        var occurrence = start.AddMinutes(5);
        // The loop reads 10:00 and sleeps 5 minutes, but its timer starts at 10:01: counted from there it would wake at 10:06.
        var clock = new ClockMovingOnFirstTimer(new FakeTimeProvider(start), TimeSpan.FromMinutes(1));
        var ran = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);

        var loop = CronLoop.RunAsync(["report"], (_, after) => after < occurrence ? occurrence : null,
            (_, now, _) =>
            {
                ran.TrySetResult(now);
                return Task.CompletedTask;
            }, clock, CancellationToken.None);
        clock.Fake.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(occurrence, await ran.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await loop.WaitAsync(TimeSpan.FromSeconds(30)); // nothing falls after 10:05: the loop ends
    }
}
