using System.CommandLine;

namespace UsageLens.Cli.Commands;

/// <summary>
/// <c>usagelens completion bash|zsh|pwsh</c>: prints a shell script that completes usagelens commands, options
/// and option values. The script asks usagelens itself through System.CommandLine's <c>[suggest:POSITION]</c>
/// directive (what dotnet-suggest calls), so completions always match the installed version and need no other tool.
/// </summary>
internal static class CompletionCommand
{
    private const string Bash = """
        # usagelens completion for bash. Load it with:  source <(usagelens completion bash)   (add that line to ~/.bashrc)
        _usagelens_complete() {
          local IFS=$'\n' word="${COMP_WORDS[COMP_CWORD]}"
          COMPREPLY=( $(compgen -W "$(usagelens "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "$word") )
        }
        complete -o default -F _usagelens_complete usagelens
        """;

    private const string Zsh = """
        # usagelens completion for zsh. Load it with:  source <(usagelens completion zsh)   (add that line to ~/.zshrc, after compinit)
        _usagelens() {
          local -a candidates
          candidates=( ${(f)"$(usagelens "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)"} )
          compadd -a candidates
        }
        compdef _usagelens usagelens
        """;

    private const string PowerShell = """
        # usagelens completion for PowerShell. Load it with:  usagelens completion pwsh | Out-String | Invoke-Expression   (add that line to $PROFILE)
        Register-ArgumentCompleter -Native -CommandName usagelens -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $position = $cursorPosition - $commandAst.Extent.StartOffset
            usagelens "[suggest:$position]" "$commandAst" 2>$null | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }
        """;

    public static Command Create(CliEnvironment environment)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or pwsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "pwsh");
        var command = new Command("completion", "Print a shell completion script: source <(usagelens completion bash)") { shell };
        command.SetAction(async (parse, _) =>
        {
            var script = parse.GetValue(shell) switch
            {
                "bash" => Bash,
                "zsh" => Zsh,
                _ => PowerShell,
            };
            await environment.Out.WriteLineAsync(script).ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }
}
