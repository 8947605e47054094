using CsCheck;
using UsageLens.Core.Kpis.Engagement;
using UsageLens.Core.Querying;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Tests.Kpis.Engagement;

public sealed class CohortAndSeatMathsTests
{
    private static DateTime Utc(int month, int day) => new(2026, month, day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Interval_counts_whole_months_after_the_cohort_start()
    {
        Assert.Equal(0, Retention.IntervalOf(Utc(8, 1), Utc(8, 31), Grain.Month));
        Assert.Equal(2, Retention.IntervalOf(Utc(8, 1), Utc(10, 1), Grain.Month));
        Assert.Equal(-1, Retention.IntervalOf(Utc(8, 1), Utc(7, 31), Grain.Month));
    }

    [Fact]
    public void Interval_is_the_number_of_grain_steps_from_a_cohort_start_to_the_day_for_every_grain()
    {
        var grains = new[] { Grain.Day, Grain.Week, Grain.Month, Grain.Quarter, Grain.Year };
        Gen.Select(Gen.Int[0, 3_000], Gen.Int[-40, 900], Gen.Int[0, grains.Length - 1], Gen.Int[0, 6]).Sample((start, offset, g, weekStart) =>
        {
            var grain = grains[g];
            var cohort = Calendar.StartOf(grain, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(start), (DayOfWeek)weekStart);
            var day = cohort.AddDays(offset);
            // The plain count: step through the buckets until the next one starts after the day.
            var steps = -1;
            if (day >= cohort)
            {
                steps = 0;
                for (var next = Calendar.Next(grain, cohort); next <= day; next = Calendar.Next(grain, next))
                {
                    steps++;
                }
            }
            Assert.Equal(steps, Retention.IntervalOf(cohort, day, grain));
        });
    }

    [Fact]
    public void Retention_summary_weights_by_cohort_size_over_elapsed_intervals_only()
    {
        // August cohort {x, y}: x back in September. September cohort {z}: back in October, which ends after Oct 20.
        var first = new Dictionary<string, DateTime> { ["x"] = Utc(8, 3), ["y"] = Utc(8, 9), ["z"] = Utc(9, 4) };
        var activity = new Dictionary<string, HashSet<DateOnly>> { ["x"] = [new DateOnly(2026, 9, 10)], ["z"] = [new DateOnly(2026, 10, 2)] };

        var cells = Retention.Cells(first, activity, new Period(Utc(8, 1), Utc(10, 20)), Grain.Month, onOrAfter: false);

        // Summary k1 uses August only (1 of 2 = 50%); September's k1 is October, unfinished on Oct 20.
        var summaryK1 = Assert.Single(cells, c => c.Cohort is null && c.Interval == 1);
        Assert.Equal((2, 1, 50d), (summaryK1.Members, summaryK1.Active, summaryK1.Percent!.Value));
        var septemberK1 = Assert.Single(cells, c => c.Cohort == Utc(9, 1) && c.Interval == 1);
        Assert.Equal((1, false), (septemberK1.Active, septemberK1.Elapsed));
    }

    [Theory]
    [InlineData(80, "green")]
    [InlineData(79.9, "amber")]
    [InlineData(60, "amber")]
    [InlineData(59.9, "red")]
    public void Seat_bands_are_green_from_80_amber_from_60_and_red_below(double percent, string band) =>
        Assert.Equal(band, SeatUtilization.Band(percent));

    [Fact]
    public void Feature_adoption_measures_days_to_first_use_only_for_first_uses_in_the_period()
    {
        // October. p: active and adopter, started Sep 28, first use Oct 2 = 4 days. q: adopter whose first use was in September. r: active only.
        var days = new List<EntityDay>
        {
            new(new DateOnly(2026, 10, 2), "p", "a", 2, false), new(new DateOnly(2026, 10, 2), "p", "a", 2, true),
            new(new DateOnly(2026, 10, 3), "q", "a", 1, false), new(new DateOnly(2026, 10, 3), "q", "a", 1, true),
            new(new DateOnly(2026, 10, 4), "r", "a", 5, false),
        };
        var firstEvent = new Dictionary<string, DateTime> { ["p"] = Utc(9, 28), ["q"] = Utc(9, 1), ["r"] = Utc(10, 4) };
        var firstUse = new Dictionary<string, DateTime> { ["p"] = Utc(10, 2), ["q"] = Utc(9, 2) };

        var outcome = FeatureAdoption.Compute(days, new Period(Utc(10, 1), Utc(11, 1)), firstEvent, firstUse);

        // 2 adopters of 3 active; 3 feature events / 2 adopters; median over p alone = 4.
        Assert.Equal(200d / 3, outcome.Value!.Value, 10);
        Assert.Equal([2d, 3d, 1.5, 4d], outcome.Parts.Select(p => p.Value!.Value));
    }
}
