using System.CommandLine;
using UsageLens.Cli.Output;
using UsageLens.Core;
using UsageLens.Core.Storage;

namespace UsageLens.Cli.Commands;

/// <summary>
/// <c>usagelens migrate --from usagelens.duckdb --to clickhouse://...</c>: copies a workspace with a
/// progress bar. Run it again after an interruption and it resumes; it ends by comparing row counts.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var from = new Option<string>("--from") { Description = "The workspace to copy, such as a DuckDB file", Required = true };
        var to = new Option<string>("--to") { Description = "The workspace to copy into: clickhouse://host:8123/database[?cluster=NAME]", Required = true };
        var command = new Command("migrate", "Copy a DuckDB workspace into ClickHouse (resumable, checked by row counts)") { from, to };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var sourceAddress = parse.GetValue(from)!;
            var targetAddress = parse.GetValue(to)!;
            var sourceEngine = WorkspaceEngines.For(sourceAddress, "--from");
            if (!sourceEngine.Exists(sourceAddress))
            {
                throw new UsageLensException($"--from: no workspace at '{sourceAddress}'");
            }
            var targetEngine = WorkspaceEngines.For(targetAddress, "--to");
            if (!targetEngine.TakesCopies)
            {
                throw new UsageLensException($"--to: a {targetEngine.Name} workspace takes no copies; name a clickhouse://host:8123/database workspace");
            }
            using var source = await sourceEngine.OpenAsync(sourceAddress, environment.Clock, cancellationToken).ConfigureAwait(false);
            using var target = await targetEngine.OpenAsync(targetAddress, environment.Clock, cancellationToken).ConfigureAwait(false);
            var outcome = await MigrationBar.RunAsync(environment, targetEngine, source.Queries, target, CopyMode.Migration, cancellationToken).ConfigureAwait(false);
            var counts = string.Join(", ", outcome.Rows.Select(r => $"{r.Key} {r.Value:N0}"));
            var resumed = outcome.Resumed ? " Resumed an interrupted copy." : "";
            var present = outcome.EventsAlreadyPresent > 0 ? $" {outcome.EventsAlreadyPresent:N0} events were already there and were not copied again." : "";
            await environment.Out.WriteLineAsync($"Copied {sourceAddress} to {target.Location}: {counts}. Row counts match.{resumed}{present}").ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }
}
