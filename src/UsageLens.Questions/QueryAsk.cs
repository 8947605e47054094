
namespace UsageLens.Questions;

/// <summary>
/// One ask of a question, as plain strings like <see cref="Core.Kpis.KpiArguments"/>: a KPI with its
/// arguments and explicit dates (<c>[From, To)</c>), or an insight kind. The parser, the evaluation
/// set and the language-model adapter all speak this shape.
/// </summary>
public sealed record QueryAsk
{
    public string? Kpi { get; init; }

    public string? Insight { get; init; }

    public string? Metric { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>The day an insight is computed as of.</summary>
    public DateOnly? AsOf { get; init; }

    public string? Grain { get; init; }

    public IReadOnlyList<string> GroupBy { get; init; } = [];

    public IReadOnlyList<string> Where { get; init; } = [];

    /// <summary>The top accounts: <c>20%</c> or <c>10</c>.</summary>
    public string? Top { get; init; }

    /// <summary>The bottom accounts of a list, by count.</summary>
    public string? Bottom { get; init; }

    public string? RankBy { get; init; }

    public IReadOnlyList<string> TopWhere { get; init; } = [];

    public IReadOnlyList<string> Options { get; init; } = [];

    public string? Variant { get; init; }

    public DateOnly? CompareFrom { get; init; }

    public DateOnly? CompareTo { get; init; }

    /// <summary>Whether this ask lists accounts (grouped by account, cut to the top or bottom N).</summary>
    public bool IsAccountList => Kpi == Core.Kpis.KpiNames.Usage && GroupBy.Contains("account_id") && (Top is not null || Bottom is not null);

    /// <summary>A stable text of every field, lists sorted, for comparing asks.</summary>
    public string Canonical() => QueryAskJson.Write(this with
    {
        GroupBy = [.. GroupBy.Order(StringComparer.Ordinal)],
        Where = [.. Where.Order(StringComparer.Ordinal)],
        TopWhere = [.. TopWhere.Order(StringComparer.Ordinal)],
        Options = [.. Options.Order(StringComparer.Ordinal)],
    });

    public bool SameAs(QueryAsk other) => other is not null && Canonical() == other.Canonical();

    public override string ToString() => Canonical();
}
