using System.CommandLine;
using UsageLens.Cli.Output;
using UsageLens.Core;
using UsageLens.Storage.ClickHouse;
using UsageLens.Storage.ClickHouse.Migration;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Cli.Commands;

/// <summary>
/// <c>usagelens migrate --from usagelens.duckdb --to clickhouse://...</c>: copies a workspace with a
/// progress bar. Run it again after an interruption and it resumes; it ends by comparing row counts.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var from = new Option<string>("--from") { Description = "The DuckDB workspace file to copy", Required = true };
        var to = new Option<string>("--to") { Description = "The ClickHouse workspace: clickhouse://host:8123/database[?cluster=NAME]", Required = true };
        var command = new Command("migrate", "Copy a DuckDB workspace into ClickHouse (resumable, checked by row counts)") { from, to };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(from)!;
            if (!File.Exists(source))
            {
                throw new UsageLensException($"--from: no workspace at '{source}'");
            }
            var address = ClickHouseAddress.Parse(parse.GetValue(to)!);
            using var duck = DuckDbWorkspace.Open(source);
            using var target = await ClickHouseWorkspace.OpenAsync(address, cancellationToken).ConfigureAwait(false);
            var migration = new WorkspaceMigration(new DuckDbQueryStore(duck), target, environment.Clock);
            var outcome = await MigrationBar.RunAsync(environment, migration, cancellationToken).ConfigureAwait(false);
            var counts = string.Join(", ", outcome.Rows.Select(r => $"{r.Key} {r.Value:N0}"));
            var resumed = outcome.Resumed ? " Resumed an interrupted copy." : "";
            var present = outcome.EventsAlreadyPresent > 0 ? $" {outcome.EventsAlreadyPresent:N0} events were already there and were not copied again." : "";
            await environment.Out.WriteLineAsync($"Copied {source} to {address}: {counts}. Row counts match.{resumed}{present}").ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }
}
