using Cronos;
using UsageLens.Core.Configuration.Reports;

namespace UsageLens.Reports;

/// <summary>When a report's cron schedule next falls, read in its time zone (Cronos, daylight saving time included).</summary>
public static class ReportSchedule
{
    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when the expression never falls again.</summary>
    public static DateTimeOffset? Next(ScheduledReport report, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CronExpression.Parse(report.Schedule, CronFormat.Standard).GetNextOccurrence(after, report.TimeZone);
    }

    /// <summary>The day a run at <paramref name="at"/> reports as of: the calendar day there in the report's time zone.</summary>
    public static DateOnly AsOf(ScheduledReport report, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, report.TimeZone).DateTime);
    }
}
