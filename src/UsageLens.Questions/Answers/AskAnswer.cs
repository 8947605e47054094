namespace UsageLens.Questions.Answers;

/// <summary>A question answered: how it was understood, each ask's numbers, the SQL that ran and the chart that fits.</summary>
public sealed record AskAnswer(StructuredQuery Query, IReadOnlyList<AskOutcome> Outcomes, ChartKind Chart)
{
    /// <summary>Every SQL statement that ran, in order.</summary>
    public IReadOnlyList<string> Sql => [.. Outcomes.SelectMany(o => (o.Result?.Sql ?? []).Concat(o.Compared?.Sql ?? []).Concat(o.Insight?.Sql ?? []))];
}
