namespace UsageLens.Core.Events;

/// <summary>Defaults from the canonical event schema.</summary>
public static class EventDefaults
{
    public const string Unit = "count";
    public const double Quantity = 1d;
}
