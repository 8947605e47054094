using System.Globalization;
using UsageLens.Core.Storage;

namespace UsageLens.Cli.Commands;

/// <summary>One line saying what a backup holds: its schema version and the rows of each table.</summary>
internal static class BackupSummary
{
    public static string Of(WorkspaceInspection inspection) =>
        $"schema version {inspection.SchemaVersion}; " +
        string.Join(", ", inspection.RowCounts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value.ToString(CultureInfo.InvariantCulture)}"));
}
