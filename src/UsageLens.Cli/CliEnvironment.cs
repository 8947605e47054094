namespace UsageLens.Cli;

/// <summary>What a command writes to and what "now" is; tests pass their own.</summary>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, TimeProvider Clock)
{
    /// <summary>Lets a test stop a long-running command (serve, demo) once it has seen what it needs.</summary>
    public CancellationToken Stop { get; init; }

    /// <summary>Where <c>--password-stdin</c> and password prompts read from; tests pass their own.</summary>
    public TextReader In { get; init; } = System.Console.In;

    public Spectre.Console.IAnsiConsole Console { get; } = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
    {
        Out = new Spectre.Console.AnsiConsoleOutput(Out),
        Ansi = ReferenceEquals(Out, System.Console.Out) ? Spectre.Console.AnsiSupport.Detect : Spectre.Console.AnsiSupport.No,
        Interactive = ReferenceEquals(Out, System.Console.Out) ? Spectre.Console.InteractionSupport.Detect : Spectre.Console.InteractionSupport.No,
    });
}
