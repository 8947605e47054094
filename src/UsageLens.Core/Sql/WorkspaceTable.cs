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

    /// <summary>
    /// Monthly activity: per (month, account, user, event, unit, product, classification) of events with a user, a
    /// bitmap of the month's active days (<c>days</c>, bit d-1 for day d) and the first event (<c>first_at</c>).
    /// Read with a bitwise OR and a minimum, so a key written twice still reads the same.
    /// </summary>
    UserMonths,
}
