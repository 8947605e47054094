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

    /// <summary>The median of <paramref name="values"/>, which it sorts in place.</summary>
    public static double Median(Span<double> values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    public static double MedianAbsoluteDeviation(IEnumerable<double> values, double center) =>
        Median(values.Select(v => Math.Abs(v - center)).ToList());
}
