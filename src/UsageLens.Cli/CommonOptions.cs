using System.CommandLine;

namespace UsageLens.Cli;

/// <summary>The options every command takes (cli.md): the workspace, the output format and what "now" is.</summary>
internal static class CommonOptions
{
    public static Option<string> Db { get; } = new("--db")
    {
        Description = "The workspace, a DuckDB file",
        DefaultValueFactory = _ => "usagelens.duckdb",
        Recursive = true,
    };

    public static Option<string?> Store { get; } = new("--store")
    {
        Description = "A ClickHouse workspace instead of the DuckDB file: clickhouse://host:8123/database, or clickhouse://host1:8123,host2:8123/database?cluster=NAME for a sharded cluster",
        Recursive = true,
    };

    public static Option<OutputFormat> Format { get; } = new("--format")
    {
        Description = "Output format: table, json or csv",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public static Option<string?> Config { get; } = new("--config")
    {
        Description = "The workspace configuration file (rate plans, custom metrics); default: usagelens.yaml, .yml or .json beside the workspace",
        Recursive = true,
    };

    public static Option<string?> AsOf { get; } = new("--as-of")
    {
        Description = "What \"now\" means for relative periods (YYYY-MM-DD); the default is today (UTC)",
        Recursive = true,
    };

    public static Core.Configuration.WorkspaceConfiguration Configuration(ParseResult parse) =>
        ConfigurationFile.Load(parse.GetValue(Config), parse.GetValue(Db)!);

    public static DateOnly Today(ParseResult parse, TimeProvider clock)
    {
        var text = parse.GetValue(AsOf);
        if (text is null)
        {
            return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        }
        return Core.Querying.CalendarDate.Parse("--as-of", text);
    }
}
