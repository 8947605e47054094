namespace UsageLens.Alerts;

/// <summary>
/// The loop alerts and scheduled reports run on: it sleeps until the earliest next occurrence of any item, runs every
/// item due then, and computes each one's next occurrence after that moment, until cancelled or nothing falls again.
/// Occurrences missed while the process was down are not caught up.
/// </summary>
public static class CronLoop
{
    // Task.Delay takes at most about 49 days; longer waits are slept in steps.
    private static readonly TimeSpan s_longestSleep = TimeSpan.FromDays(1);

    // How far the clock may move between reading it and starting the timer before the wait is worked out again.
    private static readonly TimeSpan s_slack = TimeSpan.FromSeconds(1);

    /// <param name="items">What is scheduled.</param>
    /// <param name="next">An item's first occurrence strictly after an instant, or null when it never falls again.</param>
    /// <param name="run">Runs an item that is due at the given instant; it must not throw for one item's failure.</param>
    /// <param name="clock">The clock and timers.</param>
    /// <param name="cancellationToken">Ends the loop.</param>
    public static async Task RunAsync<T>(IReadOnlyList<T> items, Func<T, DateTimeOffset, DateTimeOffset?> next, Func<T, DateTimeOffset, CancellationToken, Task> run, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(clock);
        var start = clock.GetUtcNow();
        var due = items.Select(i => (Item: i, At: next(i, start))).ToList();
        while (!cancellationToken.IsCancellationRequested && due.Any(n => n.At is not null))
        {
            var read = clock.GetUtcNow();
            var wait = due.Where(n => n.At is not null).Min(n => n.At!.Value) - read;
            if (wait > TimeSpan.Zero)
            {
                await SleepAsync(wait < s_longestSleep ? wait : s_longestSleep, read, clock, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var now = clock.GetUtcNow();
            for (var i = 0; i < due.Count; i++)
            {
                if (due[i].At is { } at && at <= now)
                {
                    await run(due[i].Item, now, cancellationToken).ConfigureAwait(false);
                    due[i] = (due[i].Item, next(due[i].Item, now));
                }
            }
        }
    }

    // A timer counts from the clock as it is when the timer starts. Had the clock moved on since the wait was worked
    // out from it (a test's clock moves by minutes, on another thread), the items would run that much late, after the
    // occurrence the clock had already reached: the sleep is then given up and the loop works the wait out again.
    private static async Task SleepAsync(TimeSpan wait, DateTimeOffset read, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, clock, sleep.Token);
        if (clock.GetUtcNow() - read > s_slack)
        {
            await sleep.CancelAsync().ConfigureAwait(false);
            await delay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }
        await delay.ConfigureAwait(false);
    }
}
