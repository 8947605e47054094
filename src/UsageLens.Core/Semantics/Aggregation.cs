namespace UsageLens.Core.Semantics;

/// <summary>How a usage metric aggregates the events of its meter.</summary>
public enum Aggregation
{
    /// <summary>Sum of quantity, the default.</summary>
    Sum,
    /// <summary>Number of events.</summary>
    Count,
    /// <summary>Distinct users.</summary>
    Users,
    /// <summary>Distinct accounts.</summary>
    Accounts,
}
