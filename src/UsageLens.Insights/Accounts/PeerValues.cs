namespace UsageLens.Insights.Accounts;

/// <summary>
/// One KPI's values over a group of accounts (a segment), sorted once, so that each member's standing among the
/// others is two binary searches instead of a pass over them: the same figures as <see cref="PeerPercentile"/>.
/// </summary>
internal sealed class PeerValues
{
    private readonly double[] _sorted;

    public PeerValues(IEnumerable<double> values) => _sorted = [.. values.Order()];

    /// <summary>How many values there are.</summary>
    public int Count => _sorted.Length;

    /// <summary>The median of all the values; null when there are none.</summary>
    public double? Median => PeerPercentile.MedianOfSorted(_sorted);

    /// <summary>
    /// <see cref="PeerPercentile.Of"/> of <paramref name="own"/>, one of the values, among the others: the share strictly
    /// below it, ties (other than itself) counting half; null when it is the only value.
    /// </summary>
    public double? PercentileOfMember(double own)
    {
        var others = _sorted.Length - 1;
        if (others <= 0)
        {
            return null;
        }
        var below = FirstIndex(v => v >= own);
        var ties = FirstIndex(v => v > own) - below - 1;
        return (below + (0.5 * ties)) / others;
    }

    // The first index whose value passes the test, for a test that is false then true along the sorted values.
    private int FirstIndex(Func<double, bool> test)
    {
        var (low, high) = (0, _sorted.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = test(_sorted[middle]) ? (low, middle) : (middle + 1, high);
        }
        return low;
    }
}
