using Microsoft.Extensions.Time.Testing;

namespace UsageLens.Cli.Tests;

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
internal static class CliRun
{
    public static readonly DateTimeOffset Now = new(2026, 11, 15, 9, 30, 0, TimeSpan.Zero);

    public static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliEnvironment(output, error, new FakeTimeProvider(Now)));
        return (exit, output.ToString(), error.ToString());
    }
}
