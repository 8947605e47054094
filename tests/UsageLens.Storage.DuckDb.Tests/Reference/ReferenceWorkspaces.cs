using CsCheck;
using UsageLens.Storage.DuckDb.Tests.Querying;

namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>
/// Forty random workspaces, new on every test run, each loaded once into its own in-memory DuckDB
/// workspace and shared by every KPI property: loading is what costs, querying is cheap.
/// </summary>
public sealed class ReferenceWorkspaces : IDisposable
{
    public const int Count = 40;

    private readonly (SampleWorkspace Sample, SmallWorkspace Loaded)[] _workspaces;

    public ReferenceWorkspaces()
    {
        var samples = RandomWorkspaces.Any.Array[Count].Single();
        _workspaces = new (SampleWorkspace, SmallWorkspace)[Count];
        Parallel.For(0, Count, i =>
        {
            var loaded = samples[i].Load();
            loaded.FlushAsync().GetAwaiter().GetResult();
            _workspaces[i] = (samples[i], loaded);
        });
    }

    internal (SampleWorkspace Sample, SmallWorkspace Loaded) this[int index] => _workspaces[index];

    public void Dispose()
    {
        foreach (var (_, loaded) in _workspaces)
        {
            loaded?.Dispose();
        }
    }
}
