namespace UsageLens.Core.Sql;

/// <summary>The logical tables of a workspace, whatever the engine.</summary>
public enum WorkspaceTable
{
    Events,
    Accounts,
    Users,
    Subscriptions,
    Nps,
    Partners,

    /// <summary>Daily rollup: events and quantity per (day, account, event, unit, product, classification).</summary>
    AccountDays,

    /// <summary>Daily rollup: events and quantity per (day, account, user, event, unit, product, classification).</summary>
    UserDays,
}
