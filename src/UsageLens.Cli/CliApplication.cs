using System.CommandLine;
using UsageLens.Cli.Commands;
using UsageLens.Core;

namespace UsageLens.Cli;

/// <summary>
/// The <c>usagelens</c> command. Exit codes: 0 success, 1 bad input (the message names the file,
/// line, field and reason), 2 bad usage. Expected failures print one line, never a stack trace.
/// </summary>
internal static class CliApplication
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment)
    {
        var root = new RootCommand("UsageLens: customer usage analytics on an embedded DuckDB workspace or a ClickHouse cluster");
        root.Options.Add(CommonOptions.Db);
        root.Options.Add(CommonOptions.Store);
        root.Options.Add(CommonOptions.Format);
        root.Options.Add(CommonOptions.AsOf);
        root.Options.Add(CommonOptions.Config);
        root.Subcommands.Add(KpiCommand.Create(environment));
        root.Subcommands.Add(AskCommand.Create(environment));
        root.Subcommands.Add(ImportCommand.Create(environment));
        root.Subcommands.Add(DemoCommand.Create(environment));
        root.Subcommands.Add(ServeCommand.Create(environment));
        root.Subcommands.Add(KeysCommand.Create(environment));
        root.Subcommands.Add(MigrateCommand.Create(environment));
        root.Subcommands.Add(InsightsCommand.Create(environment));
        root.Subcommands.Add(AlertsCommand.Create(environment));
        root.Subcommands.Add(ReportsCommand.Create(environment));
        root.Subcommands.Add(DoctorCommand.Create(environment));
        root.Subcommands.Add(CompletionCommand.Create(environment));
        root.Subcommands.Add(BackupCommand.Create(environment));
        root.Subcommands.Add(RestoreCommand.Create(environment));
        root.Subcommands.Add(UsersCommand.Create(environment));
        root.Subcommands.Add(EraseCommand.Create(environment));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await environment.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }
            await environment.Error.WriteLineAsync("Run 'usagelens --help' for usage.").ConfigureAwait(false);
            return BadUsage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = environment.Out,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
                // On Ctrl+C or SIGTERM a command is cancelled and given this long to finish: serve stops taking
                // requests and commits every one it acknowledged (the host's shutdown allows 30 seconds).
                ProcessTerminationTimeout = TimeSpan.FromSeconds(40),
            }, environment.Stop).ConfigureAwait(false);
        }
        catch (UsageLensException ex)
        {
            await environment.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return BadInput;
        }
        catch (Exception ex) when (WorkspaceEngines.Explain(ex) is { } message)
        {
            await environment.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
            return BadInput;
        }
        catch (OperationCanceledException) when (environment.Stop.IsCancellationRequested)
        {
            return Success;
        }
    }
}
