using System.CommandLine;
using UsageLens.Core;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli;

/// <summary>Opens the workspace the common options name: <c>--store clickhouse://...</c>, or else the DuckDB file of <c>--db</c>.</summary>
internal static class WorkspaceStores
{
    /// <summary>Opens the workspace; with <paramref name="mustExist"/> a DuckDB file that does not exist is an error rather than created.</summary>
    public static async Task<IWorkspaceStore> OpenAsync(ParseResult parse, TimeProvider clock, bool mustExist, CancellationToken cancellationToken)
    {
        if (await OpenClickHouseAsync(parse, cancellationToken).ConfigureAwait(false) is { } workspace)
        {
            return new ClickHouseWorkspaceStore(workspace, clock);
        }
        var path = parse.GetValue(CommonOptions.Db)!;
        if (mustExist && !File.Exists(path))
        {
            throw new UsageLensException($"no workspace at '{path}': run 'usagelens demo' or 'usagelens import' first, or pass --db or --store");
        }
        return new DuckDbWorkspaceStore(DuckDbWorkspace.Open(path), clock);
    }

    /// <summary>The ClickHouse workspace <c>--store</c> names, or null for the DuckDB default.</summary>
    public static async Task<ClickHouseWorkspace?> OpenClickHouseAsync(ParseResult parse, CancellationToken cancellationToken) =>
        parse.GetValue(CommonOptions.Store) is { } store
            ? await ClickHouseWorkspace.OpenAsync(ClickHouseAddress.Parse(store), cancellationToken).ConfigureAwait(false)
            : null;
}
