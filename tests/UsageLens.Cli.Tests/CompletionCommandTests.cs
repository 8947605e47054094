using System.Diagnostics;

namespace UsageLens.Cli.Tests;

/// <summary><c>usagelens completion bash</c>: the printed script, sourced in a real bash, completes commands and options.</summary>
public sealed class CompletionCommandTests
{
    [Theory]
    [InlineData("usagelens do", "doctor")]
    [InlineData("usagelens kpi --gr", "--grain --group-by")]
    [InlineData("usagelens ins", "insights")]
    [InlineData("usagelens kpi top-", "top-customer-share")]
    [InlineData("usagelens kpi rev", "revenue-churn revenue-per-active-user")]
    public async Task The_bash_script_completes_from_the_installed_commands(string line, string expected)
    {
        var bash = new[] { "/bin/bash", "/usr/bin/bash" }.FirstOrDefault(File.Exists);
        Skip.If(bash is null && Environment.GetEnvironmentVariable("CI") != "true", "bash is not installed");
        var (exit, script, _) = await CliRun.RunAsync("completion", "bash");
        Assert.Equal(0, exit);

        var completions = await CompleteAsync(bash!, script, line);

        Assert.Equal(expected, completions);
    }

    [Fact]
    public async Task An_unknown_shell_is_bad_usage()
    {
        var (exit, _, error) = await CliRun.RunAsync("completion", "fish");

        Assert.Equal(2, exit);
        Assert.Contains("fish", error, StringComparison.Ordinal);
    }

    // Runs the script's completion function as bash would for a line typed up to its end, with usagelens being this build.
    private static async Task<string> CompleteAsync(string bash, string script, string line)
    {
        var words = line.Split(' ');
        var program = $$"""
            usagelens() { dotnet '{{Path.Combine(AppContext.BaseDirectory, "usagelens.dll")}}' "$@"; }
            {{script}}
            COMP_LINE='{{line}}'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=({{line}}); COMP_CWORD={{words.Length - 1}}
            _usagelens_complete
            echo "${COMPREPLY[*]}"
            """;
        var start = new ProcessStartInfo(bash) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(program);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
