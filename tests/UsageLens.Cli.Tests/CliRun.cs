using Microsoft.Extensions.Time.Testing;

namespace UsageLens.Cli.Tests;

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
internal static class CliRun
{
    public static readonly DateTimeOffset Now = new(2026, 11, 15, 9, 30, 0, TimeSpan.Zero);

    public static Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs with <paramref name="input"/> as standard input (for <c>--password-stdin</c>).</summary>
    public static async Task<(int Exit, string Out, string Error)> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliEnvironment(output, error, new FakeTimeProvider(Now)) { In = new StringReader(input) });
        return (exit, output.ToString(), error.ToString());
    }
}
