using Spectre.Console;
using UsageLens.Core.Storage;

namespace UsageLens.Cli.Output;

/// <summary>Runs an engine's copy of a workspace under a Spectre.Console progress bar, one bar per table.</summary>
internal static class MigrationBar
{
    public static async Task<MigrationOutcome> RunAsync(
        CliEnvironment environment, IWorkspaceEngine engine, IQueryStore source, IWorkspaceStore target, CopyMode mode, CancellationToken cancellationToken) =>
        await environment.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var reporter = new InlineProgress<MigrationProgress>(step =>
                {
                    if (!bars.TryGetValue(step.Table, out var bar))
                    {
                        bar = progress.AddTask(Markup.Escape(step.Table), maxValue: Math.Max(1, step.Total));
                        bars[step.Table] = bar;
                    }
                    bar.MaxValue = Math.Max(1, step.Total);
                    bar.Value = step.Total == 0 ? 1 : step.Copied;
                    bar.Description = Markup.Escape($"{step.Table} ({step.Copied:N0} / {step.Total:N0})");
                });
                return await engine.CopyAsync(source, target, mode, reporter, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
}
