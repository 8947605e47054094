namespace UsageLens.Cli;

/// <summary>A clock whose date is the <c>--as-of</c> day, so a served dashboard agrees with the CLI about "last 30 days".</summary>
internal sealed class AsOfClock(DateOnly day, TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() =>
        new(day.ToDateTime(TimeOnly.FromTimeSpan(inner.GetUtcNow().UtcDateTime.TimeOfDay)), TimeSpan.Zero);
}
