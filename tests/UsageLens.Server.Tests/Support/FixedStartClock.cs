namespace UsageLens.Server.Tests.Support;

/// <summary>
/// A clock whose "now" starts at a fixed instant and then runs at real speed, so tests that depend on
/// "today" (the dashboard's last-30-days tiles, "yesterday" in a question) give the same answer on any
/// day, while timers and delays (the group commit's batching window) still fire in real time.
/// </summary>
internal sealed class FixedStartClock(DateTimeOffset start) : TimeProvider
{
    private readonly DateTimeOffset _realStart = System.GetUtcNow();

    /// <summary>The instant the browser tests pretend it is: a Sunday afternoon in November 2026, UTC.</summary>
    public static DateTimeOffset BrowserTestNow { get; } = new(2026, 11, 15, 14, 30, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => start + (System.GetUtcNow() - _realStart);
}
