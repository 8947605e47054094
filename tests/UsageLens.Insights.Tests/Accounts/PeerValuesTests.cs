using CsCheck;
using UsageLens.Insights.Accounts;

namespace UsageLens.Insights.Tests.Accounts;

public sealed class PeerValuesTests
{
    [Fact]
    public void A_members_standing_among_the_others_counts_those_below_and_half_its_ties()
    {
        // 1, 2, 2, 2, 5: the member 2 has one other below and two others equal, of four others.
        var values = new PeerValues([5, 2, 1, 2, 2]);

        Assert.Equal((1 + (0.5 * 2)) / 4, values.PercentileOfMember(2));
        Assert.Equal(4d / 4, values.PercentileOfMember(5));
        Assert.Equal(0d, values.PercentileOfMember(1));
        Assert.Equal(2d, values.Median);
    }

    [Fact]
    public void A_lone_value_has_no_standing_and_no_values_have_no_median()
    {
        Assert.Null(new PeerValues([3]).PercentileOfMember(3));
        Assert.Null(new PeerValues([]).Median);
        Assert.Equal(2.5, new PeerValues([4, 1]).Median);
    }

    [Fact]
    public void Every_members_standing_and_the_median_equal_a_pass_over_the_others()
    {
        Gen.Int[0, 6].Select(v => (double)v).Array[1, 30].Sample(values =>
        {
            var sorted = new PeerValues(values);
            for (var i = 0; i < values.Length; i++)
            {
                var others = values.Where((_, j) => j != i).ToList();
                Assert.Equal(PeerPercentile.Of(values[i], others), sorted.PercentileOfMember(values[i]));
            }
            Assert.Equal(PeerPercentile.Median(values), sorted.Median);
        });
    }
}
