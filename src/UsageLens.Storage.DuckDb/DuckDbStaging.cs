using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Storage.DuckDb;

/// <summary>
/// Where files and the demo are written. DuckDB does that work in its own SQL, so a DuckDB workspace
/// takes the rows directly; the workspace of any other engine gets them staged in an in-memory DuckDB
/// workspace, which <see cref="Copy"/> reads for that engine's <see cref="IWorkspaceEngine.CopyAsync"/>.
/// </summary>
public sealed class DuckDbStaging : IDisposable
{
    private readonly DuckDbWorkspace? _scratch;

    private DuckDbStaging(DuckDbWorkspace workspace, DuckDbWorkspace? scratch)
    {
        Workspace = workspace;
        _scratch = scratch;
        Copy = scratch is null ? null : new DuckDbQueryStore(scratch);
    }

    /// <summary>The DuckDB workspace to write into.</summary>
    public DuckDbWorkspace Workspace { get; }

    /// <summary>The staged rows for the target engine to copy, or null when the target itself was written.</summary>
    public IQueryStore? Copy { get; }

    public static DuckDbStaging For(IWorkspaceStore target)
    {
        if (target is DuckDbWorkspaceStore duck)
        {
            return new DuckDbStaging(duck.Workspace, null);
        }
        var scratch = DuckDbWorkspace.Open(":memory:");
        return new DuckDbStaging(scratch, scratch);
    }

    public void Dispose() => _scratch?.Dispose();
}
