using System.CommandLine;
using UsageLens.Cli.Doctor;

namespace UsageLens.Cli.Commands;

/// <summary>
/// <c>usagelens doctor</c>: checks the configuration file, the workspace and the engine connection, and prints
/// OK or FAIL per check with a fix line for each failure. Exits 1 when any check fails.
/// </summary>
internal static class DoctorCommand
{
    private const int NameWidth = 14;

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("doctor", "Check the configuration file, the workspace and the engine connection, with a fix for each failure");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = parse.GetValue(CommonOptions.Store);
            var db = parse.GetValue(CommonOptions.Db)!;
            List<DoctorCheck> checks = [ConfigurationDoctor.Check(parse.GetValue(CommonOptions.Config), db)];
            checks.AddRange(await WorkspaceDoctor.CheckAsync(store ?? db, store is null ? "--db" : "--store", cancellationToken).ConfigureAwait(false));
            foreach (var check in checks)
            {
                await environment.Out.WriteLineAsync($"{(check.Passed ? "OK" : "FAIL"),-6}{check.Name.PadRight(NameWidth)}{check.Detail}").ConfigureAwait(false);
                if (check.Fix is { } fix)
                {
                    await environment.Out.WriteLineAsync($"{"",-6}{"",-14}fix: {fix}").ConfigureAwait(false);
                }
            }
            return checks.TrueForAll(c => c.Passed) ? CliApplication.Success : CliApplication.BadInput;
        });
        return command;
    }
}
