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
}
