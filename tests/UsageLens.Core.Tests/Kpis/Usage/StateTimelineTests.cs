using UsageLens.Core.Kpis.Usage;
using UsageLens.Core.Querying;

namespace UsageLens.Core.Tests.Kpis.Usage;

public sealed class StateTimelineTests
{
    private static readonly HashSet<string> s_up = new(StringComparer.OrdinalIgnoreCase) { "running" };
    private static readonly Period s_day = Period.Days(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2));

    private static DateTime At(int hour, int minute = 0) => new(2026, 10, 1, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void The_state_in_force_at_the_start_counts_until_the_first_change()
    {
        var timeline = new StateTimeline("running");
        timeline.Add(new StateChange(At(6), "down"));
        timeline.Add(new StateChange(At(9), "Running"));

        var (up, observed) = timeline.Measure(s_day, [s_day], s_up).Single();

        // Up 00:00-06:00 and 09:00-24:00 = 21 h of 24 h observed.
        Assert.Equal((TimeSpan.FromHours(21), TimeSpan.FromHours(24)), (up, observed));
    }

    [Fact]
    public void Without_a_known_state_before_the_period_observation_starts_at_the_first_change()
    {
        var timeline = new StateTimeline(null);
        timeline.Add(new StateChange(At(12), "running"));
        timeline.Add(new StateChange(At(18), "maintenance"));

        var (up, observed) = timeline.Measure(s_day, [s_day], s_up).Single();

        Assert.Equal((TimeSpan.FromHours(6), TimeSpan.FromHours(12)), (up, observed));
    }

    [Fact]
    public void Time_is_split_across_buckets_at_their_boundaries()
    {
        var period = Period.Days(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 4));
        var buckets = Calendar.Buckets(period, Core.Sql.Grain.Day).Select(b => b.Period).ToList();
        var timeline = new StateTimeline(null);
        timeline.Add(new StateChange(At(18), "running"));
        timeline.Add(new StateChange(At(18).AddDays(1), "down"));

        var measured = timeline.Measure(period, buckets, s_up);

        // Day 1: up 18-24 (6 h of 6 h observed); day 2: up 0-18, down 18-24; day 3: down all day.
        Assert.Equal(
            [(TimeSpan.FromHours(6), TimeSpan.FromHours(6)), (TimeSpan.FromHours(18), TimeSpan.FromHours(24)), (TimeSpan.Zero, TimeSpan.FromHours(24))],
            measured);
    }

    [Fact]
    public void An_entity_without_any_state_is_not_observed()
    {
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), new StateTimeline(null).Measure(s_day, [s_day], s_up).Single());
    }
}
