namespace UsageLens.Reliability;

/// <summary>The events and summed quantity of one rollup key.</summary>
internal readonly record struct DayTotals(long Events, double Quantity);
