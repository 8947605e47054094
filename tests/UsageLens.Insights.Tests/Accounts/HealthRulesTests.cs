using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Tests.Accounts;

public sealed class HealthRulesTests
{
    private static readonly DateOnly s_asOf = new(2026, 9, 1);

    private static HealthSignals Signals(
        Dictionary<string, SeatCount>? seats = null,
        Dictionary<string, LatestNps>? nps = null,
        Dictionary<string, double>? now = null,
        Dictionary<string, double>? before = null) =>
        new(s_asOf, new UsageWindows([], new Dictionary<string, IReadOnlyDictionary<string, MeterWindows>>(), new Dictionary<string, string?>()),
            seats ?? [], new Dictionary<string, DateOnly>(), nps ?? [], now ?? [], before ?? []);

    [Fact]
    public void Twelve_of_forty_seats_is_thirty_percent_and_grades_35()
    {
        var grade = HealthRules.SeatUtilization(Signals(seats: new() { ["x"] = new SeatCount(12, 40) }), "x", 20);

        // 30% ÷ 85% = 35.29
        Assert.Equal(35.294, grade.Grade!.Value, 3);
        Assert.Equal("seat utilisation 12 of 40 seats = 30% → 35.3/100", grade.Why);
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(0, 50)]
    [InlineData(-100, 0)]
    [InlineData(-20, 40)]
    public void Nps_grades_half_way_between_detractor_and_promoter(double nps, double expected)
    {
        var grade = HealthRules.Nps(Signals(nps: new() { ["x"] = new LatestNps(new DateOnly(2026, 8, 1), nps) }), "x", 10);

        Assert.Equal(expected, grade.Grade);
    }

    [Theory]
    [InlineData(100, 100, 70.0)]
    [InlineData(50, 100, 20.0)]
    [InlineData(100, 150, 36.666666667)]
    [InlineData(130, 100, 100.0)]
    [InlineData(0, 100, 0.0)]
    [InlineData(50, 0, 100.0)]
    public void Mrr_movement_grades_70_when_flat_and_a_point_per_percent(double now, double before, double expected)
    {
        var grade = HealthRules.MrrMovement(Signals(now: new() { ["x"] = now }, before: new() { ["x"] = before }), "x", 15);

        Assert.Equal(expected, grade.Grade!.Value, 9);
    }

    [Fact]
    public void Missing_data_skips_the_component_and_says_why()
    {
        var signals = Signals();

        Assert.Null(HealthRules.MrrMovement(signals, "x", 15).Grade);
        Assert.Null(HealthRules.SeatUtilization(signals, "x", 20).Grade);
        Assert.Equal("skipped: no user was active in the workspace in the last 90 days", HealthRules.LoginRecency(signals, "x", 15).Why);
        Assert.Equal("skipped: the workspace has no metered events", HealthRules.FeatureBreadth(signals, "x", 15).Why);
    }
}
