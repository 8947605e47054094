namespace UsageLens.Insights;

/// <summary>One point of the series an insight analysed: its bucket label (YYYY-MM-DD) and value.</summary>
public sealed record InsightPoint(string Label, double? Value);
