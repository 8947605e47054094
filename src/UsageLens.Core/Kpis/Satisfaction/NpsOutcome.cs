namespace UsageLens.Core.Kpis.Satisfaction;

/// <summary>An NPS with its answer counts and 95% margin of error (in points). Null scores mean no answers.</summary>
public sealed record NpsOutcome(double? Score, long Answers, long Promoters, long Passives, long Detractors, double? MarginOfError)
{
    public IReadOnlyList<KpiPart> Parts =>
    [
        new("n", Answers),
        new("promoters", Promoters),
        new("passives", Passives),
        new("detractors", Detractors),
        new("margin_of_error", MarginOfError),
    ];
}
