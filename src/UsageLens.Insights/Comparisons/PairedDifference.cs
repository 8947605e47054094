using MathNet.Numerics.Distributions;

namespace UsageLens.Insights.Comparisons;

/// <summary>
/// A paired t-test of one group's KPI against the rest's, period by period: the mean difference, its
/// 95% confidence interval and the two-sided p-value from Student's t on n − 1 degrees of freedom.
/// </summary>
internal sealed record PairedDifference(int Periods, double Mean, double StandardError, double Low, double High, double PValue)
{
    public static PairedDifference? Of(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (differences.Count < 2)
        {
            return null;
        }
        var n = differences.Count;
        var mean = differences.Average();
        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (n - 1);
        var error = Math.Sqrt(variance / n);
        var critical = StudentT.InvCDF(0, 1, n - 1, 0.975);
        var p = error == 0 ? (mean == 0 ? 1 : 0) : 2 * (1 - StudentT.CDF(0, 1, n - 1, Math.Abs(mean / error)));
        return new PairedDifference(n, mean, error, mean - (critical * error), mean + (critical * error), p);
    }
}
