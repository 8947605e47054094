using System.CommandLine;
using UsageLens.Core;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli.Commands;

/// <summary>
/// <c>usagelens restore --from FILE</c>: verifies the backup (schema version, tables, row counts of its copy), refuses
/// a workspace that is being served, keeps the replaced workspace as <c>FILE.before-restore</c> and swaps the backup
/// in with one rename.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var from = new Option<string>("--from") { Description = "The backup file (made by usagelens backup)", Required = true };
        var command = new Command("restore", "Replace the DuckDB workspace of --db with a verified backup; refused while the workspace is being served") { from };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (WorkspaceStores.Engine(parse) is not DuckDbEngine)
            {
                throw new UsageLensException(BackupCommand.ClickHouseRefusal.Replace("usagelens backup copies", "usagelens restore writes", StringComparison.Ordinal));
            }
            var target = Path.GetFullPath(DuckDbEngine.PathOf(parse.GetValue(CommonOptions.Db)!));
            var replaced = File.Exists(target);
            var inspection = DuckDbBackup.Restore(Path.GetFullPath(parse.GetValue(from)!), target);
            KeepIngestLogWithReplaced(target);
            var kept = replaced ? $" (the replaced workspace is kept as {target}{DuckDbBackup.ReplacedSuffix})" : "";
            await environment.Out.WriteLineAsync($"Restored {target}{kept}: {BackupSummary.Of(inspection)}").ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }

    // Acknowledged events a crashed server had not merged belong to the replaced workspace, not to the backup: its
    // ingest log moves with it, where opening FILE.before-restore merges them.
    private static void KeepIngestLogWithReplaced(string target)
    {
        var log = WorkspaceStores.IngestLogBeside(target);
        if (!Directory.Exists(log))
        {
            return;
        }
        var kept = WorkspaceStores.IngestLogBeside(target + DuckDbBackup.ReplacedSuffix);
        if (Directory.Exists(kept))
        {
            Directory.Delete(kept, recursive: true);
        }
        Directory.Move(log, kept);
    }
}
