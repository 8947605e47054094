using UsageLens.Core.Sql;

namespace UsageLens.Storage.ClickHouse.Migration;

/// <summary>A profile table copied whole: its columns, and the one holding JSON that is rewritten for ClickHouse.</summary>
internal sealed record ProfileTable(WorkspaceTable Source, string Target, string[] Columns, string? JsonColumn);
