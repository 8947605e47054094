using UsageLens.Insights.Trends;

namespace UsageLens.Insights.Tests.Trends;

public sealed class TrendDescriptionTests
{
    [Fact]
    public void A_falling_share_is_said_in_points_with_its_p_value()
    {
        var fit = new TrendFit(6, 34.2, -0.82, 0.2, -1.38, -0.26, 0.0123, 0.8);

        var words = new TrendDescription("top-customer-share", "api_call", "percent", "month", 6).Summary(fit, 34.2, 30.1, 0.05);

        Assert.StartsWith("top-customer-share of api_call fell 4.1 points over 6 months (from 34.2% to 30.1%), p = 0.012;", words, StringComparison.Ordinal);
        Assert.Contains("slope −0.82 points a month, 95% CI [−1.38, −0.26]", words, StringComparison.Ordinal);
        Assert.EndsWith("the slope is significant at the 5% level.", words, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rise_that_could_be_noise_is_called_not_significant()
    {
        var fit = new TrendFit(4, 100, 12, 10, -31, 55, 0.35, 0.4);

        var words = new TrendDescription("usage", "api_call", "calls", "week", 4).Summary(fit, 100, 140, 0.05);

        Assert.StartsWith("usage of api_call rose 40 calls over 4 weeks (from 100 calls to 140 calls), p = 0.35;", words, StringComparison.Ordinal);
        Assert.EndsWith("not significant at the 5% level.", words, StringComparison.Ordinal);
    }
}
