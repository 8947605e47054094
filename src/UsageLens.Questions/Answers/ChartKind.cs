namespace UsageLens.Questions.Answers;

/// <summary>The chart that fits an answer: a line for a trend, bars for a comparison or breakdown, a table for a list of accounts, a number for a single value.</summary>
public enum ChartKind
{
    Number,
    Line,
    Bar,
    Table,
    None,
}
