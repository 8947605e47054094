namespace UsageLens.Insights.Anomalies;

/// <summary>Medians and the median absolute deviation, which one wild day cannot move.</summary>
internal static class RobustStatistics
{
    /// <summary>Scales a median absolute deviation to a normal distribution's standard deviation.</summary>
    public const double MadToSigma = 1.4826;

    public static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>The median of <paramref name="values"/>, which it reorders: the same value a sort would give, found by selection.</summary>
    public static double Median(Span<double> values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }
        var middle = values.Length / 2;
        var upper = Select(values, middle);
        if (values.Length % 2 == 1)
        {
            return upper;
        }
        // After selection every value before the middle is at most the middle one; the largest of them
        // is the one a sort would have put just before it.
        var lower = values[0];
        for (var i = 1; i < middle; i++)
        {
            lower = Math.Max(lower, values[i]);
        }
        return (lower + upper) / 2;
    }

    // Quickselect (Hoare partition around a median of three): puts the k-th smallest value at k with
    // nothing larger before it, in linear time on average instead of a sort's n log n.
    private static double Select(Span<double> values, int k)
    {
        var left = 0;
        var right = values.Length - 1;
        while (right > left)
        {
            var pivot = MedianOfThree(values[left], values[left + ((right - left) / 2)], values[right]);
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }
                while (values[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }
        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    public static double MedianAbsoluteDeviation(IEnumerable<double> values, double center) =>
        Median(values.Select(v => Math.Abs(v - center)).ToList());
}
