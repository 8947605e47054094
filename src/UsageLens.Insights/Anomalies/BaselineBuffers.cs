namespace UsageLens.Insights.Anomalies;

/// <summary>
/// The working arrays one series' scan learns its daily baselines in, allocated once per series
/// instead of a dozen lists per day: the scan of 10,000 series learns close to a million baselines.
/// </summary>
internal sealed class BaselineBuffers
{
    public BaselineBuffers(int window)
    {
        Days = new int[window];
        Longer = new int[window];
        Work = new double[window];
        FreeDays = new int[window];
        FreeValues = new double[window];
        Around = new double[window];
        GroupValues = new double[7][];
        GroupDays = new int[7][];
        for (var k = 0; k < 7; k++)
        {
            GroupValues[k] = new double[window];
            GroupDays[k] = new int[window];
        }
    }

    /// <summary>The usable days of the baseline window, oldest first.</summary>
    public int[] Days { get; }

    /// <summary>The usable days of the longer window the weekday profile and spread are learned from.</summary>
    public int[] Longer { get; }

    /// <summary>Scratch values a median sorts in place.</summary>
    public double[] Work { get; }

    public int[] FreeDays { get; }

    public double[] FreeValues { get; }

    public double[] Around { get; }

    /// <summary>Each weekday's values of the longer window, sorted, with their days alongside.</summary>
    public double[][] GroupValues { get; }

    public int[][] GroupDays { get; }

    public int[] GroupCounts { get; } = new int[7];
}
