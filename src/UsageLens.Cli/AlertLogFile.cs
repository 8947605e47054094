using System.CommandLine;

namespace UsageLens.Cli;

/// <summary>
/// Where the alerts' state and delivery log is kept: <c>--alert-log</c>, else <c>usagelens-alerts.jsonl</c>
/// beside the configuration file named by <c>--config</c>, else beside the workspace file (where
/// <c>usagelens.yaml</c> is looked for), so the rules and their memory stay together.
/// </summary>
internal static class AlertLogFile
{
    public const string DefaultName = "usagelens-alerts.jsonl";

    public static Option<string?> Option { get; } = new("--alert-log")
    {
        Description = $"The alerts' state and delivery log (JSON Lines); default: {DefaultName} beside the configuration file or the workspace",
        Recursive = true,
    };

    public static string Path(ParseResult parse)
    {
        if (parse.GetValue(Option) is { } explicitPath)
        {
            return explicitPath;
        }
        var beside = parse.GetValue(CommonOptions.Config) ?? parse.GetValue(CommonOptions.Db)!;
        var directory = beside == ":memory:" ? "." : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(beside)) ?? ".";
        return System.IO.Path.Combine(directory, DefaultName);
    }
}
