using UsageLens.Core;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli;

/// <summary>The engines the CLI knows, in one list: adding an engine is its project plus one line here.</summary>
internal static class WorkspaceEngines
{
    private static readonly IWorkspaceEngine[] s_engines =
    [
        new ClickHouseEngine(),
        new DuckDbEngine(),
    ];

    /// <summary>The engine whose workspace <paramref name="address"/> names.</summary>
    public static IWorkspaceEngine For(string address, string option) =>
        s_engines.FirstOrDefault(e => e.Accepts(address))
        ?? throw new UsageLensException($"{option}: no engine reads '{address}' (known: clickhouse://host:8123/database, duckdb:PATH or a DuckDB file path)");

    /// <summary>The user-facing line for an engine's own error, or null when no engine claims it.</summary>
    public static string? Explain(Exception exception) =>
        s_engines.Select(e => e.Explain(exception)).FirstOrDefault(m => m is not null);
}
