namespace UsageLens.Core.Finance;

/// <summary>How tiers price billable units.</summary>
public enum TierMode
{
    /// <summary>Each unit is priced by the tier it falls in (the first 1,000 at one price, the next at another).</summary>
    Graduated,

    /// <summary>Every unit is priced by the tier the total falls in.</summary>
    Volume,
}
