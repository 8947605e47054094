using System.CommandLine;
using UsageLens.Core;
using UsageLens.Core.Storage;

namespace UsageLens.Cli;

/// <summary>Opens the workspace the common options name: <c>--store ADDRESS</c> (such as <c>clickhouse://...</c>), or else the DuckDB file of <c>--db</c>.</summary>
internal static class WorkspaceStores
{
    /// <summary>Opens the workspace; with <paramref name="mustExist"/> a workspace that does not exist is an error rather than created.</summary>
    public static async Task<IWorkspaceStore> OpenAsync(ParseResult parse, TimeProvider clock, bool mustExist, CancellationToken cancellationToken)
    {
        var address = Address(parse);
        var engine = Engine(parse);
        if (mustExist && !engine.Exists(address))
        {
            throw new UsageLensException($"no workspace at '{address}': run 'usagelens demo' or 'usagelens import' first, or pass --db or --store");
        }
        return await engine.OpenAsync(address, clock, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The engine of the workspace the options name, for commands that copy into it.</summary>
    public static IWorkspaceEngine Engine(ParseResult parse) =>
        WorkspaceEngines.For(Address(parse), parse.GetValue(CommonOptions.Store) is null ? "--db" : "--store");

    private static string Address(ParseResult parse) => parse.GetValue(CommonOptions.Store) ?? parse.GetValue(CommonOptions.Db)!;
}
