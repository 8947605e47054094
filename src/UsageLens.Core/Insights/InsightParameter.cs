namespace UsageLens.Core.Insights;

/// <summary>A parameter an ask of an insight may carry, such as <c>metric</c> or <c>as_of</c>.</summary>
public sealed record InsightParameter(string Name, string Description);
