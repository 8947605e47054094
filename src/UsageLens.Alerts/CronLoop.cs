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
            var wait = due.Where(n => n.At is not null).Min(n => n.At!.Value) - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < s_longestSleep ? wait : s_longestSleep, clock, cancellationToken).ConfigureAwait(false);
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
}
