using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Usage;

/// <summary>
/// One entity's states over a period: the state in force at the start, if one was known, then each
/// change in order. The entity is observed from the period start when its state was known before it,
/// else from its first change, up to the period end; each instant counts in the latest state.
/// </summary>
internal sealed class StateTimeline(string? stateAtStart)
{
    private readonly List<StateChange> _changes = [];

    public void Add(StateChange change) => _changes.Add(change);

    /// <summary>Up and observed time within each bucket, by bucket index; buckets lie in <paramref name="period"/>, ordered.</summary>
    public (TimeSpan Up, TimeSpan Observed)[] Measure(Period period, IReadOnlyList<Period> buckets, IReadOnlySet<string> upStates)
    {
        var result = new (TimeSpan Up, TimeSpan Observed)[buckets.Count];
        var state = stateAtStart;
        var since = period.From;
        foreach (var change in _changes)
        {
            if (state is not null)
            {
                Spread(since, change.At, upStates.Contains(state), buckets, result);
            }
            state = change.State;
            since = change.At;
        }
        if (state is not null)
        {
            Spread(since, period.To, upStates.Contains(state), buckets, result);
        }
        return result;
    }

    private static void Spread(DateTime from, DateTime to, bool up, IReadOnlyList<Period> buckets, (TimeSpan Up, TimeSpan Observed)[] result)
    {
        for (var i = FirstEndingAfter(buckets, from); i < buckets.Count && buckets[i].From < to; i++)
        {
            var overlap = (to < buckets[i].To ? to : buckets[i].To) - (from > buckets[i].From ? from : buckets[i].From);
            if (overlap > TimeSpan.Zero)
            {
                result[i].Observed += overlap;
                result[i].Up += up ? overlap : TimeSpan.Zero;
            }
        }
    }

    private static int FirstEndingAfter(IReadOnlyList<Period> buckets, DateTime instant)
    {
        int low = 0, high = buckets.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (buckets[middle].To <= instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
