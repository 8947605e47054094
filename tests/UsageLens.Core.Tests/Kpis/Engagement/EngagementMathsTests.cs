using UsageLens.Core.Kpis.Engagement;
using UsageLens.Core.Querying;

namespace UsageLens.Core.Tests.Kpis.Engagement;

public sealed class EngagementMathsTests
{
    private static readonly Period s_october1To3 = Period.Days(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 4));

    private static ActiveDay On(int day, string user) => new(new DateOnly(2026, 10, day), user, "a");

    private static UserEvent At(string user, int hour, int minute) => new(user, "a", new DateTime(2026, 10, 2, hour, minute, 0, DateTimeKind.Utc));

    [Fact]
    public void Mean_daily_active_users_counts_days_without_activity_as_zero()
    {
        // DAU: Oct 1 = 2 (u1, u2, u1's second row is the same user), Oct 2 = 0, Oct 3 = 1: 3 / 3 days = 1.
        var index = new ActivityIndex([On(1, "u1"), On(1, "u2"), On(1, "u1"), On(3, "u1")]);

        Assert.Equal(1d, index.MeanDaily(s_october1To3));
        Assert.Equal(2, index.In(s_october1To3));
    }

    [Fact]
    public void Trailing_window_includes_its_last_day_and_excludes_the_day_n_days_back()
    {
        // A 7-day window ending Oct 8 covers Oct 2..8: u2 and u3, not u1 on Oct 1.
        var index = new ActivityIndex([On(1, "u1"), On(2, "u2"), On(8, "u3")]);

        Assert.Equal(2, index.Trailing(new DateOnly(2026, 10, 8), 7));
    }

    [Fact]
    public void Stickiness_is_mean_dau_over_period_users_and_is_undefined_without_users()
    {
        // DAU 2, 0, 1: mean 1; 2 users: 50%.
        var index = new ActivityIndex([On(1, "u1"), On(1, "u2"), On(3, "u1")]);

        Assert.Equal(50d, Stickiness.Period(index, s_october1To3).Value);
        Assert.Null(Stickiness.Period(new ActivityIndex([]), s_october1To3).Value);
    }

    [Fact]
    public void A_session_ends_only_when_the_gap_exceeds_the_limit()
    {
        // 09:00, 09:30 (gap = 30: same session), 10:01 (gap 31: new). Lengths 30 and 0 minutes.
        var lengths = Sessions.Lengths([At("u1", 9, 0), At("u1", 10, 1), At("u1", 9, 30)], TimeSpan.FromMinutes(30));

        Assert.Equal([30d, 0d], lengths.Select(l => l.TotalMinutes));
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(2.5, Sessions.Median([1, 2, 3, 10]));
        Assert.Equal(3d, Sessions.Median([1, 3, 10]));
        Assert.Null(Sessions.Median([]));
    }
}
