using UsageLens.Insights.Anomalies;

namespace UsageLens.Insights.Tests.Anomalies;

public sealed class AnomalyDetectorTests
{
    private static readonly AnomalySettings s_settings = new();

    private static IReadOnlyList<DetectedAnomaly> Scan(double[] values) => AnomalyDetector.Scan(SeasonalSeries.FirstDay, values, s_settings);

    [Fact]
    public void A_one_day_tenfold_spike_is_one_anomaly_that_returned_to_normal()
    {
        var values = SeasonalSeries.Make(70, 400, 0.08, seed: 1);
        var day = 45; // a weekday
        values[day] *= 10;

        var found = Assert.Single(Scan(values));

        Assert.Equal(SeasonalSeries.FirstDay.AddDays(day), found.Day);
        Assert.Equal(AnomalyKind.Anomaly, found.Kind);
        Assert.Equal(AnomalyDirection.Spike, found.Direction);
        Assert.Equal(values[day], found.Observed);
        Assert.InRange(found.High, found.Expected, values[day]);
    }

    [Fact]
    public void A_one_day_outage_of_a_busy_account_is_a_drop()
    {
        var values = SeasonalSeries.Make(70, 400, 0.08, seed: 2);
        values[44] = 0;

        var found = Assert.Single(Scan(values));

        Assert.Equal(SeasonalSeries.FirstDay.AddDays(44), found.Day);
        Assert.Equal(AnomalyDirection.Drop, found.Direction);
        Assert.Equal(AnomalyKind.Anomaly, found.Kind);
        Assert.InRange(found.Low, 1, found.Expected);
    }

    [Fact]
    public void A_level_shift_is_reported_once_on_its_first_day()
    {
        var values = SeasonalSeries.Make(90, 400, 0.08, seed: 3);
        for (var d = 40; d < values.Length; d++)
        {
            values[d] *= 3;
        }

        var found = Assert.Single(Scan(values));

        Assert.Equal(SeasonalSeries.FirstDay.AddDays(40), found.Day);
        Assert.Equal(AnomalyKind.LevelShift, found.Kind);
        Assert.Equal(AnomalyDirection.Spike, found.Direction);
        Assert.InRange(found.NewLevel!.Value / found.Baseline, 2.5, 3.5);
    }

    [Fact]
    public void An_account_that_stops_is_reported_once_as_stopped()
    {
        var values = SeasonalSeries.Make(90, 400, 0.08, seed: 4);
        for (var d = 50; d < values.Length; d++)
        {
            values[d] = 0;
        }

        var found = Assert.Single(Scan(values));

        Assert.Equal(SeasonalSeries.FirstDay.AddDays(50), found.Day);
        Assert.Equal(AnomalyKind.Stopped, found.Kind);
        Assert.Equal(0, found.NewLevel);
    }

    [Fact]
    public void A_departure_on_the_last_day_is_ongoing()
    {
        var values = SeasonalSeries.Make(60, 400, 0.08, seed: 5);
        values[^1] = 0;

        var found = Assert.Single(Scan(values));

        Assert.Equal(AnomalyKind.Ongoing, found.Kind);
        Assert.Equal(SeasonalSeries.FirstDay.AddDays(59), found.Day);
    }

    [Fact]
    public void A_zero_day_of_a_sparse_account_is_normal()
    {
        var values = SeasonalSeries.Make(70, 60, 0.1, seed: 6);
        // One busy-weekday in five has nothing: such an account often skips a day.
        for (var d = 0; d < values.Length; d += 5)
        {
            values[d] = 0;
        }
        values[47] = 0;

        Assert.Empty(Scan(values));
    }

    [Fact]
    public void A_series_below_the_minimum_volume_is_not_judged()
    {
        var values = SeasonalSeries.Make(70, 6, 0.1, seed: 7);
        values[45] *= 20;

        Assert.Empty(Scan(values));
        // The same story a hundred times bigger is judged, and its spike found.
        var bigger = SeasonalSeries.Make(70, 600, 0.1, seed: 7);
        bigger[45] *= 20;
        Assert.Equal(SeasonalSeries.FirstDay.AddDays(45), Assert.Single(Scan(bigger)).Day);
    }

    [Fact]
    public void Steady_growth_is_not_an_anomaly_but_a_spike_on_top_of_it_is()
    {
        var values = SeasonalSeries.Make(90, 200, 0.06, seed: 8, dailyGrowth: 0.03);
        Assert.Empty(Scan(values));

        values[60] *= 6;
        var found = Assert.Single(Scan(values));
        Assert.Equal(SeasonalSeries.FirstDay.AddDays(60), found.Day);
    }

    [Fact]
    public void The_weekend_lull_is_expected()
    {
        var values = SeasonalSeries.Make(84, 500, 0.05, seed: 9);

        Assert.Empty(Scan(values));
    }
}
