namespace UsageLens.Core.Kpis.Usage;

/// <summary>One entity entering a state at an instant.</summary>
internal readonly record struct StateChange(DateTime At, string State);
