using Microsoft.Extensions.Time.Testing;

namespace UsageLens.Alerts.Tests;

/// <summary>
/// A fake clock that moves on by <c>step</c> just before its first timer starts, as a test's clock moved by another
/// thread can between a loop reading the time and starting its timer.
/// </summary>
internal sealed class ClockMovingOnFirstTimer(FakeTimeProvider fake, TimeSpan step) : TimeProvider
{
    private int _timers;

    public FakeTimeProvider Fake => fake;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (Interlocked.Increment(ref _timers) == 1)
        {
            fake.Advance(step);
        }
        return fake.CreateTimer(callback, state, dueTime, period);
    }
}
