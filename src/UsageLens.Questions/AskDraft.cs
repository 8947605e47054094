namespace UsageLens.Questions;

/// <summary>What one clause of a question said, before it becomes asks.</summary>
internal sealed class AskDraft
{
    public List<Term> Kpis { get; } = [];

    public List<string> Metrics { get; } = [];

    public string? Insight { get; set; }

    public TimeMatch? Period { get; set; }

    public TimeMatch? Compare { get; set; }

    public List<string> CompareValues { get; } = [];

    /// <summary>"year over year", "month over month": compare with the period one such unit earlier.</summary>
    public Core.Sql.Grain? CompareShift { get; set; }

    /// <summary>The question says "compare": values or a breakdown set against each other is the comparison insight.</summary>
    public bool CompareVerb { get; set; }

    /// <summary>The question asks how a measure changed ("trending", "how has ... changed"): the trend insight.</summary>
    public bool Trend { get; set; }

    /// <summary>Words that carry no meaning the reader could place; the question is answered without them and they are listed.</summary>
    public List<string> Ignored { get; } = [];

    public string? Grain { get; set; }

    public bool GrainOverTime { get; set; }

    public List<string> GroupBy { get; } = [];

    public List<(string Dimension, string Value, bool Negated)> Filters { get; } = [];

    public string? Top { get; set; }

    public string? Bottom { get; set; }

    public string? RankBy { get; set; }

    public bool Share { get; set; }

    /// <summary>Whether <see cref="RankBy"/> names a metered event rather than an account field.</summary>
    public bool RankByMetric { get; set; }

    /// <summary>"how many users/accounts": count distinct users or accounts of the metric.</summary>
    public string? Distinct { get; set; }

    public bool HasMeasure => Kpis.Count > 0 || Metrics.Count > 0 || Insight is not null;

    /// <summary>The grain "over time" means: days for a month or less, weeks up to half a year, months beyond.</summary>
    public static string AutoGrain(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        return days <= 31 ? "day" : days <= 184 ? "week" : "month";
    }
}
