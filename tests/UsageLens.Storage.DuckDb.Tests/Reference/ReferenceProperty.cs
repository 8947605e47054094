using CsCheck;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;

namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>
/// Runs a property over random workspaces: it asks a workspace for KPIs over the sample's period
/// and compares them with the reference. The property first runs over the shared, already loaded
/// <see cref="ReferenceWorkspaces"/> with random option choices. If that fails, it searches fresh
/// workspaces (each loaded on its own) so that CsCheck can shrink a failing one to a minimal case
/// and print it; should that search find nothing, the first failure stands.
/// </summary>
internal static class ReferenceProperty
{
    /// <summary>The KPI over the sample's period, as seen by <paramref name="partner"/>'s scope (null: all accounts), with the previous period when asked.</summary>
    public delegate KpiResult Kpi(string name, KpiArguments arguments, string? partner = null, bool previous = false);

    // Seconds spent searching fresh workspaces for a shrinkable counterexample after a failure.
    private const int SearchSeconds = 60;

    public static void Holds(ReferenceWorkspaces pool, Action<SampleWorkspace, Kpi> property) =>
        Holds(pool, Gen.Const(0), (sample, _, kpi) => property(sample, kpi));

    public static void Holds<T>(ReferenceWorkspaces pool, Gen<T> choices, Action<SampleWorkspace, T, Kpi> property)
    {
        try
        {
            Gen.Select(Gen.Int[0, ReferenceWorkspaces.Count - 1], choices).Sample(sample =>
            {
                var (index, choice) = sample;
                var (workspace, loaded) = pool[index];
                property(workspace, choice, KpiOn(workspace, loaded));
            }, iter: ReferenceWorkspaces.Count, threads: 1, print: s => Print(pool[s.Item1].Sample, s.Item2));
        }
        catch (CsCheckException)
        {
            Gen.Select(RandomWorkspaces.Any, choices).Sample(sample =>
            {
                var (workspace, choice) = sample;
                using var loaded = workspace.Load();
                property(workspace, choice, KpiOn(workspace, loaded));
            }, time: SearchSeconds, threads: 1, print: s => Print(s.Item1, s.Item2));
            throw;
        }
    }

    private static Kpi KpiOn(SampleWorkspace workspace, Querying.SmallWorkspace loaded)
    {
        var configuration = workspace.Configuration();
        return (name, arguments, partner, previous) => loaded.KpiAsync(
            name,
            arguments with { From = workspace.FromText, To = workspace.ToText, ComparePrevious = previous },
            partner is null ? AccountScope.All : AccountScope.Partner(partner),
            configuration).GetAwaiter().GetResult();
    }

    private static string Print<T>(SampleWorkspace workspace, T choice) => $"{workspace}{Environment.NewLine}choice: {choice}";
}
