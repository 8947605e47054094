namespace UsageLens.Core.Kpis.Engagement;

/// <summary>
/// One cell of a retention table: of a cohort's <see cref="Members"/>, how many were active in
/// interval <see cref="Interval"/>. A null cohort is the summary over cohorts whose interval has elapsed.
/// </summary>
internal sealed record RetentionCell(DateTime? Cohort, int Interval, int Members, int Active, bool Elapsed)
{
    public double? Percent => Members == 0 ? null : Active * 100d / Members;
}
