namespace UsageLens.Core.Querying;

/// <summary>One step of a series: its calendar label and the part of the period it covers.</summary>
public sealed record Bucket(DateTime Label, Period Period);
