using UsageLens.Core;

namespace UsageLens.Demo.Tests;

public sealed class DemoScenarioTests
{
    private static readonly DateOnly s_asOf = new(2026, 11, 15);
    private static readonly DemoScenario s_small = DemoScenario.Build(new DemoOptions(s_asOf, Accounts: 60, Days: 60, Seed: 7));

    [Fact]
    public void The_same_options_build_the_same_scenario()
    {
        var again = DemoScenario.Build(new DemoOptions(s_asOf, Accounts: 60, Days: 60, Seed: 7));

        Assert.Equal(s_small.Accounts, again.Accounts);
        Assert.Equal(s_small.Users, again.Users);
        Assert.Equal(s_small.Subscriptions, again.Subscriptions);
        Assert.Equal(s_small.NpsAnswers, again.NpsAnswers);
        Assert.Equal(s_small.Usage, again.Usage);
    }

    [Fact]
    public void Another_seed_builds_another_scenario()
    {
        var other = DemoScenario.Build(new DemoOptions(s_asOf, Accounts: 60, Days: 60, Seed: 8));

        Assert.NotEqual(s_small.Accounts.Select(a => a.Name), other.Accounts.Select(a => a.Name));
        Assert.NotEqual(s_small.EventCount, other.EventCount);
    }

    [Theory]
    [InlineData(5, 60, "--accounts: 5 is out of range; use 10 to 100000")]
    [InlineData(60, 7, "--days: 7 is out of range; use 42 to 3650")]
    public void Sizes_the_story_cannot_be_told_with_are_refused(int accounts, int days, string message)
    {
        var error = Assert.Throws<UsageLensException>(() => DemoScenario.Build(new DemoOptions(s_asOf, accounts, days)));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(10, 42, 1)]
    [InlineData(60, 42, 2)]
    [InlineData(200, 90, 3)]
    public void Every_subscription_change_and_usage_day_falls_before_the_as_of_day(int accounts, int days, int seed)
    {
        var scenario = DemoScenario.Build(new DemoOptions(s_asOf, accounts, days, seed));
        var asOf = s_asOf.ToDateTime(TimeOnly.MinValue);

        Assert.All(scenario.Subscriptions, s => Assert.True(s.EffectiveAt < asOf, $"{s.AccountId} changes on {s.EffectiveAt:yyyy-MM-dd}"));
        Assert.All(scenario.Usage, u => Assert.InRange(u.DayIndex, 0, days - 1));
        Assert.All(scenario.NpsAnswers, n => Assert.True(n.RespondedAt < asOf));
    }

    [Fact]
    public void Segments_come_in_fixed_proportions_of_10_30_and_60_percent()
    {
        var counts = s_small.Accounts.GroupBy(a => a.Segment).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(new Dictionary<string, int> { ["enterprise"] = 6, ["mid-market"] = 18, ["smb"] = 36 }, counts);
    }

    [Fact]
    public void Every_storyline_is_present_even_in_a_small_demo()
    {
        var present = s_small.Accounts.Select(a => a.Trajectory).ToHashSet();

        Assert.Equal(Enum.GetValues<DemoTrajectory>().ToHashSet(), present);
    }

    [Fact]
    public void Event_numbers_run_without_gaps_in_day_order()
    {
        long expected = 0;
        var previousDay = 0;
        foreach (var row in s_small.Usage)
        {
            Assert.Equal(expected, row.FirstEvent);
            Assert.True(row.DayIndex >= previousDay);
            Assert.True(row.Events > 0);
            expected += row.Events;
            previousDay = row.DayIndex;
        }
        Assert.Equal(expected, s_small.EventCount);
    }

    [Fact]
    public void Churners_pay_until_their_churn_day_and_use_nothing_from_it()
    {
        var churners = s_small.Accounts.Where(a => a.Trajectory == DemoTrajectory.Churner).ToList();

        Assert.NotEmpty(churners);
        foreach (var churner in churners)
        {
            var timeline = s_small.Subscriptions.Where(s => s.AccountId == churner.AccountId).ToList();
            Assert.True(timeline[0].Mrr > 0);
            Assert.Equal(0, timeline[^1].Mrr);
            var churnDay = DateOnly.FromDateTime(timeline[^1].EffectiveAt).DayNumber - s_small.Options.StartDate.DayNumber;
            var index = s_small.Accounts.ToList().IndexOf(churner);
            Assert.DoesNotContain(s_small.Usage, u => u.AccountIndex == index && u.DayIndex >= churnDay);
        }
    }

    [Fact]
    public void Trials_start_on_a_zero_MRR_subscription_and_their_usage_is_marked_trial()
    {
        var trials = s_small.Accounts.Where(a => a.Trajectory is DemoTrajectory.TrialConverted or DemoTrajectory.TrialLapsed).ToList();

        Assert.NotEmpty(trials);
        foreach (var trial in trials)
        {
            Assert.Equal(0, s_small.Subscriptions.First(s => s.AccountId == trial.AccountId).Mrr);
        }
        Assert.Contains(s_small.Usage, u => u.Trial);
    }

    [Fact]
    public void Expanders_end_on_a_higher_MRR_than_they_started_with()
    {
        foreach (var expander in s_small.Accounts.Where(a => a.Trajectory == DemoTrajectory.Expander))
        {
            var timeline = s_small.Subscriptions.Where(s => s.AccountId == expander.AccountId).ToList();
            Assert.True(timeline[^1].Mrr > timeline[0].Mrr, expander.AccountId);
        }
    }

    [Fact]
    public void Users_and_events_come_after_their_account_was_created()
    {
        var accounts = s_small.Accounts.ToDictionary(a => a.AccountId);

        Assert.All(s_small.Users, u => Assert.True(u.CreatedAt >= accounts[u.AccountId].CreatedAt, u.UserId));
        Assert.All(s_small.Usage, u =>
            Assert.True(s_small.Options.StartDate.AddDays(u.DayIndex).ToDateTime(TimeOnly.MinValue) >= s_small.Accounts[u.AccountIndex].CreatedAt));
    }

    [Fact]
    public void An_injected_spike_is_ten_times_the_accounts_usual_day_in_the_plan()
    {
        var spike = s_small.Anomalies.First(a => a.Factor == 10);
        var account = s_small.Accounts.ToList().FindIndex(a => a.AccountId == spike.AccountId);
        var meter = s_small.Meters.ToList().FindIndex(m => m.Event == spike.Meter);
        var days = s_small.Usage.Where(u => u.AccountIndex == account && u.MeterIndex == meter).ToList();
        var spikeDay = spike.Day.DayNumber - s_small.Options.StartDate.DayNumber;
        var median = days.Select(d => d.Events).Order().ElementAt(days.Count / 2);

        Assert.True(days.Single(d => d.DayIndex == spikeDay).Events >= 5 * median);
    }

    [Fact]
    public void About_four_in_ten_accounts_are_owned_by_a_known_partner()
    {
        var partnerIds = s_small.Partners.Select(p => p.PartnerId).ToHashSet();
        var owned = s_small.Accounts.Where(a => a.PartnerId is not null).ToList();

        Assert.All(owned, a => Assert.Contains(a.PartnerId!, partnerIds));
        Assert.InRange(owned.Count / (double)s_small.Accounts.Count, 0.25, 0.55);
        Assert.Contains(s_small.Partners, p => p is { PartnerId: "p-northwind", Name: "Northwind Partners" });
    }
}
