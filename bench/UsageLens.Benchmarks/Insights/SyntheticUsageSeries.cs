namespace UsageLens.Benchmarks.Insights;

/// <summary>
/// Daily usage series of the shapes the anomaly scan meets, made from a seed: an office week, levels
/// from a handful to thousands a day, lognormal noise, and in some series growth, idle days, a spike,
/// a level shift or a stop.
/// </summary>
internal static class SyntheticUsageSeries
{
    public static readonly DateOnly FirstDay = new(2026, 6, 1);

    private static readonly double[] s_office = [0.2, 0.95, 1.05, 1.1, 1.0, 0.85, 0.25];

    public static double[][] Make(int count, int days) => [.. Enumerable.Range(0, count).Select(seed => One(seed, days))];

    private static double[] One(int seed, int days)
    {
        var random = new Random(seed);
        var level = Math.Exp(1.5 + (random.NextDouble() * 7));
        var growth = random.NextDouble() < 0.2 ? 0.005 : 0;
        var idle = random.NextDouble() < 0.1 ? 0.4 : 0;
        var values = new double[days];
        for (var d = 0; d < days; d++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var weekday = s_office[(int)FirstDay.AddDays(d).DayOfWeek];
            values[d] = random.NextDouble() < idle ? 0 : Math.Round(level * (1 + (growth * d)) * weekday * Math.Exp(0.2 * gaussian));
        }
        var change = 30 + random.Next(days - 30);
        switch (random.Next(10))
        {
            case 0:
                values[change] *= 10;
                break;
            case 1:
                for (var d = change; d < days; d++)
                {
                    values[d] *= 3;
                }
                break;
            case 2:
                Array.Fill(values, 0, change, days - change);
                break;
            default:
                break;
        }
        return values;
    }
}
