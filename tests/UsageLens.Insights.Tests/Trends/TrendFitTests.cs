using UsageLens.Insights.Trends;

namespace UsageLens.Insights.Tests.Trends;

public sealed class TrendFitTests
{
    // y = 1, 2, 4, 4, 6 at x = 0..4, by hand: x̄ = 2, ȳ = 3.4, Sxx = 10, Sxy = 12, so the slope is 1.2 and
    // the intercept 1.0; the residuals 0, −0.2, 0.6, −0.6, 0.2 sum to 0.8 in squares, so s² = 0.8 / 3 and
    // the slope's standard error is √(s² / 10) = 0.163299; t = 7.348469 on 3 degrees of freedom.
    // The total sum of squares is 15.2, so R² = 1 − 0.8 / 15.2.
    private static readonly (double X, double Y)[] s_points = [(0, 1), (1, 2), (2, 4), (3, 4), (4, 6)];

    [Fact]
    public void Slope_and_intercept_are_the_least_squares_line()
    {
        var fit = TrendFit.Of(s_points);

        Assert.Equal(1.2, fit.Slope, 10);
        Assert.Equal(1.0, fit.Intercept, 10);
        Assert.Equal(0.163299316, fit.StandardError, 8);
        Assert.Equal(1 - (0.8 / 15.2), fit.RSquared, 10);
    }

    [Fact]
    public void Confidence_interval_uses_the_t_quantile_on_n_minus_2_degrees_of_freedom()
    {
        var fit = TrendFit.Of(s_points);

        // t(0.975, 3) = 3.182446305 from the tables.
        Assert.Equal(1.2 - (3.182446305 * 0.163299316), fit.Low, 6);
        Assert.Equal(1.2 + (3.182446305 * 0.163299316), fit.High, 6);
    }

    [Fact]
    public void P_value_is_two_sided_from_students_t_with_3_degrees_of_freedom()
    {
        var fit = TrendFit.Of(s_points);

        // Student's t with 3 degrees of freedom has the closed form
        // F(t) = 1/2 + (1/π)(u/(1 + u²) + atan u) with u = t/√3.
        var t = 1.2 / 0.163299316;
        var u = t / Math.Sqrt(3);
        var cdf = 0.5 + ((u / (1 + (u * u))) + Math.Atan(u)) / Math.PI;
        Assert.Equal(2 * (1 - cdf), fit.PValue, 6);
        Assert.InRange(fit.PValue, 0.004, 0.006);
    }

    [Fact]
    public void A_flat_series_has_no_slope_and_is_not_significant()
    {
        var fit = TrendFit.Of([(0, 5), (1, 5), (2, 5), (3, 5)]);

        Assert.Equal(0, fit.Slope, 12);
        Assert.Equal(1, fit.PValue);
    }
}
