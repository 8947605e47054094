namespace UsageLens.Core.Kpis.Engagement;

/// <summary>
/// One member of a retention cohort: the instant of its first event, and the grain periods (each its first day) in which
/// it was active.
/// </summary>
internal sealed record CohortMember(DateTime FirstEvent, IReadOnlyCollection<DateOnly> Active);
