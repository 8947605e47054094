namespace UsageLens.Demo;

/// <summary>How a machine's reliability develops over the demo window.</summary>
public enum DemoMachineHealth
{
    /// <summary>Rare, short breakdowns.</summary>
    Steady,

    /// <summary>Wearing out: breakdowns and defects grow over the window.</summary>
    Degrading,

    /// <summary>Frequent short stops throughout.</summary>
    Flaky,
}
