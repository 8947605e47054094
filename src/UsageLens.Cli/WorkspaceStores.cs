using System.CommandLine;
using UsageLens.Core;
using UsageLens.Core.Storage;

namespace UsageLens.Cli;

/// <summary>Opens the workspace the common options name: <c>--store ADDRESS</c> (such as <c>clickhouse://...</c>), or else the DuckDB file of <c>--db</c>.</summary>
internal static class WorkspaceStores
{
    /// <summary>Opens the workspace; with <paramref name="mustExist"/> a workspace that does not exist is an error rather than created.</summary>
    /// <remarks>
    /// Before the workspace is handed over, what a crashed server left unmerged in its default ingest log
    /// (<see cref="DefaultIngestLog"/>) is merged, unless <paramref name="ingestLogOwner"/> names that log: the
    /// server that will own it merges it itself when it starts.
    /// </remarks>
    public static async Task<IWorkspaceStore> OpenAsync(ParseResult parse, TimeProvider clock, bool mustExist, CancellationToken cancellationToken, string? ingestLogOwner = null)
    {
        var address = Address(parse);
        var engine = Engine(parse);
        if (mustExist && !engine.Exists(address))
        {
            throw new UsageLensException($"no workspace at '{address}': run 'usagelens demo' or 'usagelens import' first, or pass --db or --store");
        }
        var workspace = await engine.OpenAsync(address, clock, cancellationToken).ConfigureAwait(false);
        try
        {
            // A server that crashed may have acknowledged events it had not merged yet: they come first.
            if (DefaultIngestLog(parse) is { } log && log != ingestLogOwner)
            {
                await Server.UsageLensServer.MergeIngestLogAsync(log, workspace.Ingestion).ConfigureAwait(false);
            }
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>Where <c>usagelens serve</c> keeps the ingest log of a DuckDB workspace file by default: <c>FILE.ingest-log</c>.</summary>
    public static string? DefaultIngestLog(ParseResult parse)
    {
        if (Engine(parse) is not Storage.DuckDb.DuckDbEngine)
        {
            return null;
        }
        var file = Storage.DuckDb.DuckDbEngine.PathOf(Address(parse));
        return file == ":memory:" ? null : IngestLogBeside(file);
    }

    /// <summary>The ingest log kept beside the DuckDB workspace <paramref name="file"/>.</summary>
    public static string IngestLogBeside(string file) => Path.GetFullPath(file) + ".ingest-log";

    /// <summary>The engine of the workspace the options name, for commands that copy into it.</summary>
    public static IWorkspaceEngine Engine(ParseResult parse) =>
        WorkspaceEngines.For(Address(parse), parse.GetValue(CommonOptions.Store) is null ? "--db" : "--store");

    private static string Address(ParseResult parse) => parse.GetValue(CommonOptions.Store) ?? parse.GetValue(CommonOptions.Db)!;
}
