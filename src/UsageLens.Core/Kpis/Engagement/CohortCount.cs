namespace UsageLens.Core.Kpis.Engagement;

/// <summary>
/// One retention cohort counted: its start (the first day of its grain period), its members, and per interval k from
/// 0 how many of them count as retained in it (active in it, or in it or later, by the mode asked for).
/// </summary>
internal sealed record CohortCount(DateTime Cohort, int Members, IReadOnlyList<int> Active);
