namespace UsageLens.Demo;

/// <summary>
/// Picks a few account-days of steady, busy accounts to spike tenfold or drop to nothing on one
/// meter, so anomaly detection has something real to find. Weekdays only, so a spike is never
/// hidden by the weekend lull.
/// </summary>
internal static class DemoAnomalyInjector
{
    private const double Spike = 10;
    private const double Outage = 0;

    public static Dictionary<(int Account, int Day, int Meter), double> Choose(IReadOnlyList<DemoStory> stories, DemoOptions options, DemoRandom random)
    {
        var candidates = stories
            .Where(s => s.Trajectory == DemoTrajectory.Steady)
            .OrderByDescending(s => s.SeatsBefore * s.ApiPerSeat >= 20)
            .ThenBy(s => s.Index)
            .ToList();
        var busy = Math.Max(1, candidates.Count(s => s.SeatsBefore * s.ApiPerSeat >= 20));
        var chosen = new Dictionary<(int, int, int), double>();
        var wanted = Math.Max(2, options.Accounts / 40);
        for (var attempt = 0; chosen.Count < wanted && candidates.Count > 0 && attempt < wanted * 20; attempt++)
        {
            var story = candidates[random.Next(Math.Min(busy, candidates.Count))];
            var day = random.Next(14, options.Days - 2);
            if (options.StartDate.AddDays(day).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            var (meter, factor) = chosen.Count == 0 ? (DemoMeters.ApiCall, Spike) : Kind(random);
            chosen.TryAdd((story.Index, day, meter), factor);
        }
        return chosen;
    }

    private static (int Meter, double Factor) Kind(DemoRandom random) => random.NextDouble() switch
    {
        < 0.55 => (DemoMeters.ApiCall, Spike),
        < 0.80 => (DemoMeters.ApiCall, Outage),
        < 0.90 => (DemoMeters.Export, Spike),
        _ => (DemoMeters.DataProcessed, Spike),
    };
}
