namespace UsageLens.Server.Tests.Reports;

/// <summary>A clock that always says the same instant, so a report's file name and run time are known in advance; timers still run in real time.</summary>
internal sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
