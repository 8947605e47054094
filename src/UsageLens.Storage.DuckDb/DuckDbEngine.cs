using DuckDB.NET.Data;
using UsageLens.Core.Storage;

namespace UsageLens.Storage.DuckDb;

/// <summary>
/// The embedded engine: a workspace is a DuckDB file, named by its path or <c>duckdb:PATH</c>
/// (<c>:memory:</c> for a scratch workspace). Files and the demo are written into it directly
/// (see <see cref="DuckDbStaging"/>), so it takes no copies.
/// </summary>
public sealed class DuckDbEngine : IWorkspaceEngine
{
    public const string Scheme = "duckdb:";

    public string Name => "DuckDB";

    public bool TakesCopies => false;

    /// <summary>Addresses with the <c>duckdb:</c> prefix, and every address with no URI scheme: a file path.</summary>
    public bool Accepts(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || !address.Contains("://", StringComparison.Ordinal);
    }

    public bool Exists(string address)
    {
        var path = PathOf(address);
        return path == ":memory:" || File.Exists(path);
    }

    public Task<WorkspaceInspection> InspectAsync(string address, CancellationToken cancellationToken) =>
        Task.FromResult(Schema.DuckDbInspection.Inspect(PathOf(address)));

    public Task<IWorkspaceStore> OpenAsync(string address, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        Task.FromResult<IWorkspaceStore>(new DuckDbWorkspaceStore(DuckDbWorkspace.Open(PathOf(address)), timeProvider));

    public Task<MigrationOutcome> CopyAsync(IQueryStore source, IWorkspaceStore target, CopyMode mode, IProgress<MigrationProgress>? progress, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a DuckDB workspace takes no copies: files and the demo are written into it directly");

    public string? Explain(Exception exception) =>
        exception is DuckDBException ? $"the workspace refused the operation: {exception.Message.Split('\n')[0]}" : null;

    /// <summary>The file (or <c>:memory:</c>) a DuckDB address names: the address without its <c>duckdb:</c> prefix.</summary>
    public static string PathOf(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? address[Scheme.Length..] : address;
    }
}
