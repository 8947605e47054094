using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace UsageLens.Insights.Trends;

/// <summary>
/// An ordinary least-squares line through a series against its period index (0, 1, 2 ...), with the
/// slope's standard error, 95% confidence interval and two-sided p-value from Student's t on n − 2
/// degrees of freedom.
/// </summary>
internal sealed record TrendFit(int Points, double Intercept, double Slope, double StandardError, double Low, double High, double PValue, double RSquared)
{
    public const double Confidence = 0.95;

    /// <summary>Fits the points (x = the period's index, y = its value); needs three at least.</summary>
    public static TrendFit Of(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 3)
        {
            throw new ArgumentException("a trend needs three points at least", nameof(points));
        }
        var x = points.Select(p => p.X).ToArray();
        var y = points.Select(p => p.Y).ToArray();
        var (intercept, slope) = Fit.Line(x, y);
        var degrees = points.Count - 2;
        var meanX = x.Average();
        var sxx = x.Sum(v => (v - meanX) * (v - meanX));
        var residuals = points.Sum(p => Math.Pow(p.Y - (intercept + (slope * p.X)), 2));
        var meanY = y.Average();
        var total = y.Sum(v => (v - meanY) * (v - meanY));
        var error = Math.Sqrt(residuals / degrees / sxx);
        var critical = StudentT.InvCDF(0, 1, degrees, 1 - ((1 - Confidence) / 2));
        var p = error == 0 ? (slope == 0 ? 1 : 0) : 2 * (1 - StudentT.CDF(0, 1, degrees, Math.Abs(slope / error)));
        return new TrendFit(points.Count, intercept, slope, error, slope - (critical * error), slope + (critical * error), p, total == 0 ? 1 : 1 - (residuals / total));
    }
}
