namespace UsageLens.Core.Sql;

/// <summary>What a SELECT reads from.</summary>
public abstract record SqlSource(string Alias);

/// <summary>One of the workspace's logical tables; the dialect maps it to a physical name.</summary>
public sealed record SqlTable(WorkspaceTable Table, string Alias) : SqlSource(Alias);

/// <summary>A derived table.</summary>
public sealed record SqlSubquery(SqlSelect Query, string Alias) : SqlSource(Alias);
