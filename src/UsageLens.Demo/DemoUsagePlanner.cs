namespace UsageLens.Demo;

/// <summary>
/// Turns storylines into the usage plan: per account, day and meter, how many events and their
/// mean quantity. Rows are ordered by day, so contiguous ranges of events are ranges of time.
/// </summary>
internal static class DemoUsagePlanner
{
    // People work weekdays, with a midweek peak; machines keep running at half pace over the weekend.
    private static readonly double[] s_humanWeekday = [0.15, 0.95, 1.05, 1.05, 1.0, 0.85, 0.2];
    private static readonly double[] s_machineWeekday = [0.55, 1.0, 1.02, 1.02, 1.0, 0.95, 0.6];

    public static List<DemoUsage> Plan(IReadOnlyList<DemoStory> stories, DemoOptions options, IReadOnlyDictionary<(int, int, int), double> anomalies, DemoRandom random)
    {
        var rows = new List<DemoUsage>(stories.Count * options.Days * 6);
        long next = 0;
        var expected = new double[DemoMeters.All.Count];
        var quantities = new double[DemoMeters.All.Count];
        for (var day = 0; day < options.Days; day++)
        {
            var weekday = (int)options.StartDate.AddDays(day).DayOfWeek;
            foreach (var story in stories)
            {
                var trend = story.Trend(day);
                if (trend <= 0)
                {
                    continue;
                }
                var dayRandom = random.Fork(((ulong)day << 32) | (uint)story.Index);
                Expect(story, day, trend, s_humanWeekday[weekday], s_machineWeekday[weekday], dayRandom, expected, quantities);
                for (var meter = 0; meter < expected.Length; meter++)
                {
                    var factor = anomalies.TryGetValue((story.Index, day, meter), out var f) ? f : 1;
                    // Storage is a reading, taken once a day whatever else happens.
                    var events = meter == DemoMeters.StorageUsed ? 1 : dayRandom.Poisson(expected[meter] * factor);
                    if (events == 0)
                    {
                        continue;
                    }
                    rows.Add(new DemoUsage(story.Index, day, meter, events, quantities[meter], story.UserPool(day), story.IsTrial(day), next));
                    next += events;
                }
            }
        }
        return rows;
    }

    private static void Expect(DemoStory story, int day, double trend, double human, double machine, DemoRandom random, double[] expected, double[] quantities)
    {
        // One shared daily mood per account: a busy day is busy on every meter.
        var mood = Math.Exp(0.12 * random.Normal());
        var people = story.Trajectory == DemoTrajectory.Expander ? 1 : trend;
        var activeUsers = story.UserPool(day) * story.Adoption * human * mood * people;
        var jobs = story.JobsPerDay * machine * trend * mood;
        Set(DemoMeters.ApiCall, story.SeatsBefore * story.ApiPerSeat * machine * trend * mood, 1);
        Set(DemoMeters.ReportGenerated, activeUsers * 0.25, 1);
        Set(DemoMeters.Export, activeUsers * 0.09, 1);
        Set(DemoMeters.DashboardView, activeUsers * 1.6, 1);
        Set(DemoMeters.Login, activeUsers * 1.0, 1);
        Set(DemoMeters.DataProcessed, jobs, story.GbPerJob);
        Set(DemoMeters.ComputeMinutes, jobs * 1.6, story.MinutesPerJob);
        var stored = story.StorageGb * (1 + (story.StorageGrowthPerDay * (day - story.ActiveFrom))) * Math.Sqrt(Math.Max(trend, 0.25));
        Set(DemoMeters.StorageUsed, 1, Math.Round(stored, 2));

        void Set(int meter, double mean, double quantity)
        {
            expected[meter] = mean;
            quantities[meter] = quantity;
        }
    }
}
