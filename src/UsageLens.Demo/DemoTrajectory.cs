namespace UsageLens.Demo;

/// <summary>The storyline an invented account follows over the window.</summary>
public enum DemoTrajectory
{
    /// <summary>Usage and MRR hold steady.</summary>
    Steady,

    /// <summary>Usage and seats grow; MRR steps up.</summary>
    Expander,

    /// <summary>Usage shrinks; MRR steps down.</summary>
    Contractor,

    /// <summary>Usage fades over several weeks, then MRR goes to 0.</summary>
    Churner,

    /// <summary>Churned before the window and comes back during it.</summary>
    Reactivated,

    /// <summary>Signs up during the window and pays from the start.</summary>
    NewCustomer,

    /// <summary>Signs up during the window on a free trial and converts to paying.</summary>
    TrialConverted,

    /// <summary>Signs up during the window on a free trial that lapses.</summary>
    TrialLapsed,
}
