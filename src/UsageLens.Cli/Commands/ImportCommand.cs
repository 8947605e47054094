using System.CommandLine;
using Spectre.Console;
using UsageLens.Cli.Output;
using UsageLens.Core.Storage;
using UsageLens.Import;
using UsageLens.Ingest.Files;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli.Commands;

/// <summary><c>usagelens import KIND FILE... [--map their=our]</c>: atomic: a bad row anywhere imports nothing.</summary>
internal static class ImportCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var kind = new Argument<string>("kind") { Description = string.Join(", ", ImportKinds.Words) };
        var files = new Argument<string[]>("files") { Description = "CSV, JSON Lines or Parquet files, by extension", Arity = ArgumentArity.OneOrMore };
        var map = new Option<string[]>("--map") { Description = "Rename a column: --map their_name=our_name (repeatable)" };
        var command = new Command("import", "Import events, accounts, users, subscriptions or NPS answers from files") { kind, files, map };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var importKind = ImportKinds.Parse(parse.GetValue(kind)!);
            var paths = parse.GetValue(files)!;
            var columnMap = ColumnMap.Parse(parse.GetValue(map) ?? []);
            using var target = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: false, cancellationToken).ConfigureAwait(false);
            // Files are parsed and validated in DuckDB either way; for another engine in a scratch in-memory
            // workspace whose rows are then added to the target.
            using var staging = DuckDbStaging.For(target);
            var importer = new DuckDbFileImporter(staging.Workspace);
            var report = await environment.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var tasks = paths.Select(p => progress.AddTask(Markup.Escape(Path.GetFileName(p)), maxValue: 4)).ToArray();
                    var reporter = new Progress<ImportProgress>(step =>
                    {
                        var task = tasks[step.FileIndex];
                        task.Value = (int)step.Phase + 1;
                        task.Description = Markup.Escape($"{Path.GetFileName(step.File)}: {step.Phase.ToString().ToLowerInvariant()}{(step.Rows > 0 ? $" ({step.Rows:N0} rows)" : "")}");
                    });
                    return await importer.ImportAsync(importKind, paths, columnMap, reporter, cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
            if (staging.Copy is { } copy)
            {
                await MigrationBar.RunAsync(environment, WorkspaceStores.Engine(parse), copy, target, CopyMode.Import, cancellationToken).ConfigureAwait(false);
            }
            await environment.Out.WriteLineAsync(Summary(report)).ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }

    private static string Summary(ImportReport report)
    {
        var kind = ImportKinds.Word(report.Kind);
        var text = $"Imported {kind}: {report.RowsRead:N0} rows read from {report.Files.Count} file(s), {report.RowsStored:N0} stored, {report.DuplicatesSkipped:N0} already known or repeated.";
        if (report.GeneratedIds)
        {
            text += $" Files without an id column: {string.Join(", ", report.Files.Where(f => f.GeneratedIds).Select(f => f.File))}; their event ids are hashes of each row's content, so re-importing them stores nothing twice.";
        }
        foreach (var file in report.Files.Where(f => f.IgnoredColumns.Count > 0))
        {
            text += $" {file.File}: ignored columns {string.Join(", ", file.IgnoredColumns)}.";
        }
        return text;
    }
}
