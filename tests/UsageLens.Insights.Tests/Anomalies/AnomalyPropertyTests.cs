using CsCheck;
using UsageLens.Insights.Anomalies;

namespace UsageLens.Insights.Tests.Anomalies;

public sealed class AnomalyPropertyTests
{
    private static readonly Gen<(int Seed, double Level, double Noise, double Growth)> s_seasonal =
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Double[50, 20_000], Gen.Double[0.01, 0.1], Gen.Double[-0.004, 0.01]);

    [Fact]
    public void A_seasonal_series_without_anomalies_yields_none_at_the_default_severity()
    {
        s_seasonal.Sample(s =>
        {
            var values = SeasonalSeries.Make(90, s.Level, s.Noise, s.Seed, dailyGrowth: s.Growth);

            var found = AnomalyDetector.Scan(SeasonalSeries.FirstDay, values, new AnomalySettings());

            Assert.Empty(found);
        }, iter: 300);
    }

    [Fact]
    public void Scaling_a_series_by_a_constant_scales_its_findings_and_changes_nothing_else()
    {
        // Powers of two scale doubles exactly, so the comparison can be exact.
        Gen.Select(s_seasonal, Gen.Int[-6, 12], Gen.Int[20, 80], Gen.Double[0, 12]).Sample(t =>
        {
            var (s, power, day, factor) = t;
            var values = SeasonalSeries.Make(90, s.Level, s.Noise, s.Seed, dailyGrowth: s.Growth);
            values[day] *= factor;
            var scale = Math.Pow(2, power);
            // The minimum volume is the one absolute figure, so it scales with the data here.
            var settings = new AnomalySettings(MinVolume: 0);

            var plain = AnomalyDetector.Scan(SeasonalSeries.FirstDay, values, settings);
            var scaled = AnomalyDetector.Scan(SeasonalSeries.FirstDay, values.Select(v => v * scale).ToArray(), settings);

            Assert.Equal(plain.Select(a => a with { Observed = a.Observed * scale, Expected = a.Expected * scale, Low = a.Low * scale, High = a.High * scale, Baseline = a.Baseline * scale, NewLevel = a.NewLevel * scale }), scaled);
        }, iter: 300);
    }
}
