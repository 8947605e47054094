using UsageLens.Insights.Anomalies;
using UsageLens.Insights.Tests.Anomalies.Plain;

namespace UsageLens.Insights.Tests.Anomalies;

/// <summary>
/// The fast scan (arrays, one set of buffers per series, series in parallel) gives exactly the
/// findings of the plain list-and-LINQ scan it replaced, kept in Plain/, on series of every shape
/// the detector must handle: seasonal, growing, sparse, spiking, shifting and stopping.
/// </summary>
public sealed class FastScanEquivalenceTests
{
    public static TheoryData<string, int> Shapes() => new()
    {
        { "seasonal", 0 }, { "growing", 0 }, { "sparse", 0 }, { "spikes", 0 }, { "shift", 0 }, { "stop", 0 }, { "small", 0 },
        { "seasonal", 1 }, { "growing", 1 }, { "sparse", 1 }, { "spikes", 1 }, { "shift", 1 }, { "stop", 1 }, { "small", 1 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_series_gives_the_plain_scans_findings_to_the_last_bit(string shape, int batch)
    {
        var series = Enumerable.Range(0, 40).Select(i => Make(shape, (batch * 1000) + i)).ToList();
        var settings = new AnomalySettings(Threshold: 4, MinVolume: 1);

        var fast = AnomalyDetector.ScanAll(SeasonalSeries.FirstDay, series, settings);

        var plain = series.Select(values => PlainAnomalyDetector.Scan(SeasonalSeries.FirstDay, values, settings)).ToList();
        Assert.Equal(plain.Sum(p => p.Count), fast.Sum(f => f.Count));
        Assert.All(Enumerable.Range(0, series.Count), i => Assert.Equal(plain[i], fast[i]));
        // The shapes do produce findings, so the comparison is not of empty lists.
        Assert.True(shape is "seasonal" or "growing" || plain.Any(p => p.Count > 0), shape);
    }

    private static double[] Make(string shape, int seed)
    {
        var random = new Random(seed);
        var values = SeasonalSeries.Make(120, 20 + random.Next(2000), 0.1 + (random.NextDouble() * 0.3), seed, dailyGrowth: shape == "growing" ? 0.01 : 0);
        switch (shape)
        {
            case "sparse":
                for (var d = 0; d < values.Length; d++)
                {
                    values[d] = random.NextDouble() < 0.4 ? 0 : values[d];
                }
                values[60 + random.Next(50)] *= 20;
                break;
            case "spikes":
                for (var k = 0; k < 4; k++)
                {
                    values[30 + random.Next(85)] *= random.NextDouble() < 0.5 ? 8 : 0.05;
                }
                break;
            case "shift":
                var at = 50 + random.Next(50);
                for (var d = at; d < values.Length; d++)
                {
                    values[d] *= 3;
                }
                break;
            case "stop":
                var stop = 70 + random.Next(40);
                Array.Fill(values, 0, stop, values.Length - stop);
                break;
            case "small":
                for (var d = 0; d < values.Length; d++)
                {
                    values[d] = Math.Round(values[d] / 200);
                }
                values[70 + random.Next(40)] += 15;
                break;
            default:
                break;
        }
        return values;
    }
}
