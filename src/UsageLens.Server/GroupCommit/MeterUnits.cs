using UsageLens.Ingest.Wire;

namespace UsageLens.Server.GroupCommit;

/// <summary>
/// The unit of every meter as the writer knows it: the stored meters plus those of requests already
/// accepted into the current group. Checking a request here refuses only that request on a conflict,
/// where a conflict inside the store's transaction would fail the whole group.
/// </summary>
internal sealed class MeterUnits(IReadOnlyDictionary<string, string> stored)
{
    private readonly Dictionary<string, string> _known = new(stored, StringComparer.Ordinal);

    /// <summary>The conflicts of <paramref name="write"/>; when there are none its units become known.</summary>
    public IReadOnlyList<IngestProblem> Admit(PendingWrite write)
    {
        var proposed = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<IngestProblem>();
        foreach (var (index, usage, _) in write.Request.Events)
        {
            var expected = _known.GetValueOrDefault(usage.Event) ?? proposed.GetValueOrDefault(usage.Event);
            if (expected is null)
            {
                proposed[usage.Event] = usage.Unit;
            }
            else if (expected != usage.Unit)
            {
                problems.Add(new IngestProblem(index, write.UnitField,
                    $"unit '{usage.Unit}' conflicts with unit '{expected}' of event '{usage.Event}'"));
            }
        }
        if (problems.Count == 0)
        {
            foreach (var (name, unit) in proposed)
            {
                _known[name] = unit;
            }
        }
        return problems;
    }

    /// <summary>Forgets what a failed group proposed: a copy taken before the group is restored.</summary>
    public MeterUnits Copy() => new(_known);
}
