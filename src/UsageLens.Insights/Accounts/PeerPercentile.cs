namespace UsageLens.Insights.Accounts;

/// <summary>Where a value stands among its peers' values. Pure.</summary>
internal static class PeerPercentile
{
    /// <summary>The share of <paramref name="peers"/> strictly below <paramref name="value"/>, ties counting half; null without peers.</summary>
    public static double? Of(double value, IReadOnlyCollection<double> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        if (peers.Count == 0)
        {
            return null;
        }
        var below = peers.Count(p => p < value);
        var ties = peers.Count(p => p == value);
        return (below + (0.5 * ties)) / peers.Count;
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count); null when empty.</summary>
    public static double? Median(IEnumerable<double> values) => MedianOfSorted([.. values.Order()]);

    /// <summary>As <see cref="Median"/>, of values already sorted.</summary>
    public static double? MedianOfSorted(IReadOnlyList<double> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
