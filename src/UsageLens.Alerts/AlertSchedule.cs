using Cronos;

namespace UsageLens.Alerts;

/// <summary>When a rule's cron schedule (five fields, UTC) next falls, by Cronos.</summary>
public static class AlertSchedule
{
    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when the expression never falls again.</summary>
    public static DateTimeOffset? Next(string schedule, DateTimeOffset after) =>
        CronExpression.Parse(schedule, CronFormat.Standard).GetNextOccurrence(after, TimeZoneInfo.Utc);
}
