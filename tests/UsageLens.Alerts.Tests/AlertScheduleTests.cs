namespace UsageLens.Alerts.Tests;

public sealed class AlertScheduleTests
{
    [Theory]
    // Sunday 6 December 2026, 10:07 UTC.
    [InlineData("0 8 * * *", "2026-12-07T08:00:00Z")]        // 08:00 daily: today's has passed
    [InlineData("*/15 * * * *", "2026-12-06T10:15:00Z")]     // every quarter hour
    [InlineData("0 8 * * 1", "2026-12-07T08:00:00Z")]        // Mondays 08:00: tomorrow
    [InlineData("30 9 * * 0", "2026-12-13T09:30:00Z")]       // Sundays 09:30: today's has passed, next week
    [InlineData("0 0 1 * *", "2027-01-01T00:00:00Z")]        // first of the month
    [InlineData("7 10 * * *", "2026-12-07T10:07:00Z")]       // strictly after: the same minute is not next
    public void The_next_occurrence_is_the_first_one_strictly_after_now(string schedule, string next)
    {
        var now = new DateTimeOffset(2026, 12, 6, 10, 7, 0, TimeSpan.Zero);

        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), AlertSchedule.Next(schedule, now));
    }
}
