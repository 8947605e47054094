using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class EngagementOnDuckDbTests
{
    // October 2026 (the default last-month). Account a is smb, b is enterprise and belongs to partner p.
    //   u5: Oct 1        u1: Oct 2, Oct 30     u2: Oct 3     u3: Oct 31 (twice)     u4: Sep 30
    //   plus an event without a user on Oct 15, which is no one's activity.
    private static SmallWorkspace October() => new SmallWorkspace()
        .Account("a", 1, "smb").Account("b", 1, "enterprise", partner: "p")
        .Usage("a", "2026-10-01", 1, user: "u5")
        .Usage("a", "2026-10-02", 1, user: "u1").Usage("a", "2026-10-30", 1, user: "u1")
        .Usage("a", "2026-10-03", 1, user: "u2")
        .Usage("b", "2026-10-31", 1, user: "u3").Usage("b", "2026-10-31", 1, user: "u3")
        .Usage("b", "2026-09-30", 1, user: "u4")
        .Usage("a", "2026-10-15", 1);

    [Fact]
    public async Task Trailing_mau_counts_users_active_in_the_30_days_ending_on_the_last_day()
    {
        using var workspace = October();

        var result = await workspace.KpiAsync("active-users", new KpiArguments());

        // Window Oct 2..Oct 31: u1, u2, u3 (u5's Oct 1 is 30 days back, outside d − 30 < day).
        Assert.Equal(3d, result.Value);
        Assert.Equal("users", result.Unit);
        // Parts: 4 distinct users in October (u1, u2, u3, u5), 31 days.
        Assert.Equal([("users", 4d), ("days", 31d)], result.Parts.Select(p => (p.Name, p.Value!.Value)));
        // September's trailing window ending Sep 30 holds only u4.
        Assert.Equal(1d, result.Previous!.Value);
    }

    [Fact]
    public async Task Only_the_configured_activity_events_make_a_user_active()
    {
        using var workspace = October()
            .Usage("a", "2026-10-20", 1, "login", user: "u2")
            .Usage("b", "2026-10-21", 1, "login", user: "u4");
        var loginsOnly = UsageLens.Core.Configuration.WorkspaceConfiguration.Empty with { ActivityEvents = ["login"] };

        var result = await workspace.KpiAsync("active-users", new KpiArguments { Options = ["mode=calendar"], ComparePrevious = false }, configuration: loginsOnly);
        var everything = await workspace.KpiAsync("active-users", new KpiArguments { Options = ["mode=calendar"], ComparePrevious = false });

        // Only u2 and u4 logged in during October; counting every event gives u1, u2, u3, u4, u5.
        Assert.Equal(2d, result.Value);
        Assert.Equal(5d, everything.Value);
    }

    [Fact]
    public async Task An_unknown_activity_event_is_refused_with_a_suggestion()
    {
        using var workspace = October();
        var typo = UsageLens.Core.Configuration.WorkspaceConfiguration.Empty with { ActivityEvents = ["api_cal"], Source = "usagelens.yaml" };

        var error = await Assert.ThrowsAsync<UsageLens.Core.UsageLensException>(() => workspace.KpiAsync("stickiness", new KpiArguments(), configuration: typo));

        Assert.Equal("usagelens.yaml: activity.events: unknown event 'api_cal' (did you mean 'api_call'?)", error.Message);
    }

    [Fact]
    public async Task Window_mode_and_measure_options_change_what_is_counted()
    {
        using var workspace = October();

        var mau28 = await workspace.KpiAsync("active-users", new KpiArguments { Options = ["window=28"] });
        var calendar = await workspace.KpiAsync("active-users", new KpiArguments { Options = ["mode=calendar"] });
        var wau = await workspace.KpiAsync("active-users", new KpiArguments { Options = ["measure=wau"] });
        var dau = await workspace.KpiAsync("active-users", new KpiArguments { Options = ["measure=dau"] });

        Assert.Equal(2d, mau28.Value); // Oct 4..31: u1 (Oct 30), u3
        Assert.Equal(4d, calendar.Value); // u1, u2, u3, u5
        Assert.Equal(2d, wau.Value); // Oct 25..31: u1, u3
        Assert.Equal(5d / 31, dau.Value!.Value, 12); // DAU 1 on Oct 1, 2, 3, 30, 31 and 0 on the other 26 days
    }

    [Fact]
    public async Task Mau_and_wau_count_distinct_users_without_reading_each_days_users_or_the_same_window_twice()
    {
        using var workspace = October();

        // 30 days, Oct 2..31: the 30-day window is the period itself.
        var mau = await workspace.KpiAsync("active-users", new KpiArguments { From = "2026-10-02", To = "2026-11-01" });
        var wau = await workspace.KpiAsync("active-users", new KpiArguments { Options = ["measure=wau"] });

        Assert.Equal(3d, mau.Value); // u1, u2, u3
        Assert.Equal(2d, mau.Previous!.Value); // Sep 2..Oct 1: u4 (Sep 30), u5 (Oct 1)
        Assert.Equal(2d, wau.Value); // Oct 25..31: u1, u3
        // One statement for a KPI and its comparison, counting one window per period for MAU (period and window are the
        // same days) and the period and its 7-day window for WAU. Each day's users, which only DAU and stickiness need,
        // are not counted: 6 statements each, once.
        Assert.Single(mau.Sql);
        Assert.Single(wau.Sql);
        Assert.Equal(["w0", "w1"], WindowCounts(mau.Sql[0]));
        Assert.Equal(["w0", "w1", "w2", "w3"], WindowCounts(wau.Sql[0]));
        Assert.DoesNotContain(mau.Sql.Concat(wau.Sql), sql => sql.Contains(" AS d20", StringComparison.Ordinal));
    }

    private static string[] WindowCounts(string sql) =>
        [.. System.Text.RegularExpressions.Regex.Matches(sql, @" AS (w\d+)").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Daily_rows_read_the_trailing_window_from_before_the_period()
    {
        using var workspace = October();

        var result = await workspace.KpiAsync("active-users", new KpiArguments { From = "2026-10-30", To = "2026-11-01", Grain = "day", ComparePrevious = false });

        // Oct 30: Oct 1..30 holds u5, u1, u2 = 3. Oct 31: Oct 2..31 holds u1, u2, u3 = 3.
        Assert.Equal([("2026-10-30", 3d), ("2026-10-31", 3d)], result.Rows!.Select(r => (r.Keys[0].Value!, r.Value!.Value)));
    }

    [Fact]
    public async Task Active_users_group_by_segment_and_honour_the_partner_scope()
    {
        using var workspace = October();

        var bySegment = await workspace.KpiAsync("active-users", new KpiArguments { GroupBy = ["segment"], Options = ["mode=calendar"] });
        var partner = await workspace.KpiAsync("active-users", new KpiArguments { Options = ["mode=calendar"] }, AccountScope.Partner("p"));

        Assert.Equal([("enterprise", 1d), ("smb", 3d)], bySegment.Rows!.Select(r => (r.Keys[0].Value!, r.Value!.Value)));
        Assert.Equal(1d, partner.Value); // only account b's u3
    }

    [Fact]
    public async Task Account_filters_follow_the_usage_rules_for_accounts_missing_from_the_crm()
    {
        // u7 uses account zz, which the CRM does not know.
        using var workspace = October().Usage("zz", "2026-10-05", 1, user: "u7");

        var enterprise = await workspace.KpiAsync("active-users", new KpiArguments { Where = ["segment=enterprise"], Options = ["mode=calendar"] });
        var notEnterprise = await workspace.KpiAsync("active-users", new KpiArguments { Where = ["segment!=enterprise"], Options = ["mode=calendar"] });

        Assert.Equal(1d, enterprise.Value); // u3 of b
        Assert.Equal(4d, notEnterprise.Value); // u1, u2, u5 of a, and u7 of the unknown account
    }

    [Fact]
    public async Task Stickiness_divides_mean_dau_by_the_period_active_users_and_rolling_by_each_days_mau30()
    {
        // Oct 1..4: u1 every day, u2 on Oct 1; u3 last seen Sep 20, inside every day's 30-day window.
        using var workspace = new SmallWorkspace().Account("a", 1)
            .Usage("a", "2026-10-01", 1, user: "u1").Usage("a", "2026-10-02", 1, user: "u1")
            .Usage("a", "2026-10-03", 1, user: "u1").Usage("a", "2026-10-04", 1, user: "u1")
            .Usage("a", "2026-10-01", 1, user: "u2").Usage("a", "2026-09-20", 1, user: "u3");
        var october1To4 = new KpiArguments { From = "2026-10-01", To = "2026-10-05", ComparePrevious = false };

        var mixpanel = await workspace.KpiAsync("stickiness", october1To4);
        var rolling = await workspace.KpiAsync("stickiness", october1To4 with { Variant = "rolling" });

        // DAU 2, 1, 1, 1: mean 1.25; 2 distinct users; 1.25 / 2 × 100 = 62.5.
        Assert.Equal(62.5, mixpanel.Value);
        Assert.Equal([("mean_dau", 1.25), ("mau", 2d)], mixpanel.Parts.Select(p => (p.Name, p.Value!.Value)));
        // MAU30 is 3 (u1, u2, u3) each day: (2/3 + 1/3 + 1/3 + 1/3) / 4 × 100 = 41.67.
        Assert.Equal(500d / 12, rolling.Value!.Value, 10);
    }

    [Fact]
    public async Task Usage_rate_divides_active_users_by_users_known_at_the_end_of_the_period()
    {
        // Imported: u1 (a, Jan), u2 (a, no date), u6 (a, created after October), u7 (b, Sep, never active).
        // Seen in events only: u8 (a, Sep 10), u9 (b, Oct 20). Active in October: u1, u9.
        using var workspace = new SmallWorkspace().Account("a", 1).Account("b", 1)
            .User("u1", "a", "2026-01-01").User("u2", "a").User("u6", "a", "2026-11-05").User("u7", "b", "2026-09-01")
            .Usage("a", "2026-10-05", 1, user: "u1").Usage("a", "2026-09-10", 1, user: "u8").Usage("b", "2026-10-20", 1, user: "u9");

        var result = await workspace.KpiAsync("usage-rate", new KpiArguments());
        var byAccount = await workspace.KpiAsync("usage-rate", new KpiArguments { GroupBy = ["account_id"], ComparePrevious = false });

        // Known by Nov 1: u1, u2, u7, u8, u9 = 5; 2 active: 40%.
        Assert.Equal(40d, result.Value);
        Assert.Equal([("active_users", 2d), ("known_users", 5d)], result.Parts.Select(p => (p.Name, p.Value!.Value)));
        // September: u8 active; known by Oct 1: u1, u2, u7, u8 = 4: 25%.
        Assert.Equal(25d, result.Previous!.Value);
        // a: u1 of u1, u2, u8 = 33.3%; b: u9 of u7, u9 = 50%.
        Assert.Equal([("a", 100d / 3), ("b", 50d)], byAccount.Rows!.Select(r => (r.Keys[0].Value!, r.Value!.Value)));
    }

    [Fact]
    public async Task Sessions_split_where_the_gap_exceeds_the_limit()
    {
        // u1: 09:00, 09:10, 09:40 (exactly 30 minutes later: same session), 10:30, 10:45. u2: one event.
        using var workspace = new SmallWorkspace().Account("a", 1)
            .Activity("a", "u1", "2026-10-02T09:00").Activity("a", "u1", "2026-10-02T09:10").Activity("a", "u1", "2026-10-02T09:40")
            .Activity("a", "u1", "2026-10-02T10:30").Activity("a", "u1", "2026-10-02T10:45")
            .Activity("a", "u2", "2026-10-03T14:00");

        var thirty = await workspace.KpiAsync("sessions", new KpiArguments { ComparePrevious = false });
        var ten = await workspace.KpiAsync("sessions", new KpiArguments { ComparePrevious = false, Options = ["gap=10"] });

        // Sessions of 40, 15 and 0 minutes: mean 55 / 3, median 15, 2 users.
        Assert.Equal(3d, thirty.Value);
        Assert.Equal([("sessions", 3d), ("mean_minutes", 55d / 3), ("median_minutes", 15d), ("users", 2d)], thirty.Parts.Select(p => (p.Name, p.Value!.Value)));
        // Gap 10: 09:00–09:10, 09:40, 10:30, 10:45 for u1, and u2's one event.
        Assert.Equal(5d, ten.Value);
    }

    // u1 (a) started Aug 1 and exports Oct 10 and 12; u2 (a) starts Oct 5 and exports Oct 6; u3 (b) first
    // exported Sep 15 and again Oct 20; u4 (b) and u6 (c) only call the API in October; u5 was last seen in September.
    private static SmallWorkspace Exports() => new SmallWorkspace().Account("a", 1).Account("b", 1).Account("c", 1)
        .Usage("a", "2026-08-01", 1, user: "u1").Usage("a", "2026-10-10", 1, "export", "u1").Usage("a", "2026-10-12", 1, "export", "u1")
        .Usage("a", "2026-10-05", 1, user: "u2").Usage("a", "2026-10-06", 1, "export", "u2")
        .Usage("b", "2026-09-15", 1, "export", "u3").Usage("b", "2026-10-20", 1, "export", "u3")
        .Usage("b", "2026-10-07", 1, user: "u4").Usage("a", "2026-09-01", 1, user: "u5").Usage("c", "2026-10-08", 1, user: "u6");

    [Fact]
    public async Task Feature_adoption_of_users_reports_depth_and_median_days_to_first_use()
    {
        using var workspace = Exports();

        var result = await workspace.KpiAsync("feature-adoption", new KpiArguments { Options = ["feature=export"], ComparePrevious = false });

        // Active in October: u1, u2, u3, u4, u6 = 5; adopters u1, u2, u3 = 3: 60%. Depth: 4 exports / 3.
        // First use in October: u1 Aug 1 → Oct 10 = 31 + 30 + 9 = 70 days, u2 Oct 5 → Oct 6 = 1 day (u3's was in September): median 35.5.
        Assert.Equal(60d, result.Value);
        Assert.Equal([("adopters", 3d), ("active", 5d), ("depth", 4d / 3), ("median_days_to_first_use", 35.5)], result.Parts.Select(p => (p.Name, p.Value!.Value)));
    }

    [Fact]
    public async Task Feature_adoption_of_accounts_counts_accounts_and_refuses_an_unknown_event()
    {
        using var workspace = Exports();

        var result = await workspace.KpiAsync("feature-adoption", new KpiArguments { Options = ["feature=export", "level=accounts"], ComparePrevious = false });
        var unknown = await Assert.ThrowsAsync<UsageLens.Core.UsageLensException>(() => workspace.KpiAsync("feature-adoption", new KpiArguments { Options = ["feature=exprt"] }));

        // Active accounts a, b, c; adopters a, b: 66.7%. Depth 4 exports / 2 accounts = 2.
        // a: first event Aug 1, first export Oct 6 = 31 + 30 + 5 = 66 days; b first exported in September.
        Assert.Equal(200d / 3, result.Value!.Value, 10);
        Assert.Equal([("adopters", 2d), ("active", 3d), ("depth", 2d), ("median_days_to_first_use", 66d)], result.Parts.Select(p => (p.Name, p.Value!.Value)));
        Assert.Contains("export", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feature_adoption_by_segment_measures_days_to_first_use_from_the_first_event_in_that_segment_as_a_filter_does()
    {
        // u1 started on Aug 1 through an enterprise account, came to the smb account on Oct 1 and exported there on Oct 11.
        using var workspace = new SmallWorkspace().Account("e", 1, "enterprise").Account("s", 1, "smb")
            .Usage("e", "2026-08-01", 1, user: "u1").Usage("s", "2026-10-01", 1, user: "u1").Usage("s", "2026-10-11", 1, "export", "u1");
        var october = new KpiArguments { Options = ["feature=export"], ComparePrevious = false };

        var bySegment = await workspace.KpiAsync("feature-adoption", october with { GroupBy = ["segment"] });
        var smbOnly = await workspace.KpiAsync("feature-adoption", october with { Where = ["segment=smb"] });
        var everyone = await workspace.KpiAsync("feature-adoption", october);

        double? MedianDays(IReadOnlyList<UsageLens.Core.Kpis.KpiPart> parts) => parts.Single(p => p.Name == "median_days_to_first_use").Value;
        var smbRow = bySegment.Rows!.Single(r => r.Keys.Single(k => k.Key == "segment").Value == "smb");
        Assert.Equal(10d, MedianDays(smbOnly.Parts)); // Oct 1 → Oct 11
        Assert.Equal(10d, MedianDays(smbRow.Parts));
        Assert.Equal(71d, MedianDays(everyone.Parts)); // Aug 1 → Oct 11
    }

    // Monthly cohorts from August to October. August: u1 (Aug 3; back Sep 5 and Oct 10), u2 (Aug 20; back Oct 2),
    // u3 (Aug 1, never back). September: u4 (Sep 2; back Oct 3), u5 (Sep 9 only). October: u6.
    // u0 started in July, so belongs to no cohort of the period.
    private static SmallWorkspace Cohorts() => new SmallWorkspace().Account("a", 1)
        .Usage("a", "2026-08-03", 1, user: "u1").Usage("a", "2026-09-05", 1, user: "u1").Usage("a", "2026-10-10", 1, user: "u1")
        .Usage("a", "2026-08-20", 1, user: "u2").Usage("a", "2026-10-02", 1, user: "u2")
        .Usage("a", "2026-08-01", 1, user: "u3")
        .Usage("a", "2026-09-02", 1, user: "u4").Usage("a", "2026-10-03", 1, user: "u4")
        .Usage("a", "2026-09-09", 1, user: "u5")
        .Usage("a", "2026-10-05", 1, user: "u6")
        .Usage("a", "2026-07-15", 1, user: "u0").Usage("a", "2026-08-10", 1, user: "u0");

    private static List<(string Cohort, string Interval, double Value)> Cells(KpiResult result) =>
        result.Rows!.Select(r => (r.Keys[0].Value!, r.Keys[1].Value!, Math.Round(r.Value!.Value, 2))).ToList();

    [Fact]
    public async Task Retention_on_counts_cohort_members_active_in_each_month_and_summarises_elapsed_intervals()
    {
        using var workspace = Cohorts();

        var result = await workspace.KpiAsync("retention", new KpiArguments { From = "2026-08-01", To = "2026-11-01", ComparePrevious = false });

        // August (3): k1 u1 = 1/3, k2 u1, u2 = 2/3. September (2): k1 u4 = 1/2. Summary k1 = (1 + 1) / (3 + 2) = 40%, k2 = 2/3.
        Assert.Equal(
            [("2026-08-01", "0", 100d), ("2026-08-01", "1", 33.33), ("2026-08-01", "2", 66.67), ("2026-09-01", "0", 100d), ("2026-09-01", "1", 50d),
             ("2026-10-01", "0", 100d), ("all", "0", 100d), ("all", "1", 40d), ("all", "2", 66.67)],
            Cells(result));
        Assert.Equal(40d, result.Value);
        Assert.Equal([("cohort_members", 6d), ("members_k1", 5d), ("active_k1", 2d)], result.Parts.Select(p => (p.Name, p.Value!.Value)));
    }

    [Fact]
    public async Task Retention_on_or_after_counts_later_returns_and_the_summary_skips_unfinished_intervals()
    {
        using var workspace = Cohorts();

        var onOrAfter = await workspace.KpiAsync("retention", new KpiArguments { From = "2026-08-01", To = "2026-11-01", ComparePrevious = false, Options = ["mode=on-or-after"] });
        var midOctober = await workspace.KpiAsync("retention", new KpiArguments { From = "2026-08-01", To = "2026-10-15", ComparePrevious = false });

        // August k1: u1 and u2 (back in October) = 2/3; September k1: u4 = 1/2; summary (2 + 1) / 5 = 60%.
        Assert.Equal(60d, onOrAfter.Value);
        // Up to Oct 15 only August's k1 (September) has ended: 1/3; no k2 summary, as October is unfinished.
        Assert.Equal(33.33, Math.Round(midOctober.Value!.Value, 2));
        Assert.DoesNotContain(Cells(midOctober), c => c.Cohort == "all" && c.Interval == "2");
    }

    [Fact]
    public async Task Seat_utilization_bands_each_account_and_skips_accounts_without_seats()
    {
        // a: 4 of 5 seats, b: 1 of 2, d: 7 of 10; c has no licensed_seats.
        using var workspace = new SmallWorkspace().Account("a", 1, seats: 5).Account("b", 1, seats: 2).Account("c", 1).Account("d", 1, seats: 10)
            .Usage("b", "2026-10-02", 1, user: "u5").Usage("c", "2026-10-02", 1, user: "u13");
        foreach (var user in new[] { "u1", "u2", "u3", "u4" })
        {
            workspace.Usage("a", "2026-10-02", 1, user: user);
        }
        for (var i = 6; i <= 12; i++)
        {
            workspace.Usage("d", "2026-10-09", 1, user: $"u{i}");
        }

        var result = await workspace.KpiAsync("seat-utilization", new KpiArguments { ComparePrevious = false });

        // (4 + 1 + 7) / (5 + 2 + 10) = 12 / 17.
        Assert.Equal(1200d / 17, result.Value!.Value, 10);
        Assert.Equal(
            [("active_users", 12d), ("licensed_seats", 17d), ("accounts_without_seats", 1d), ("green", 1d), ("amber", 1d), ("red", 1d)],
            result.Parts.Select(p => (p.Name, p.Value!.Value)));
        // 80% is green, 50% red, 70% amber.
        Assert.Equal([("a", "green", 80d), ("b", "red", 50d), ("d", "amber", 70d)], result.Rows!.Select(r => (r.Keys[0].Value!, r.Keys[1].Value!, r.Value!.Value)));
    }

    [Fact]
    public async Task Login_frequency_is_logins_per_active_user_per_week()
    {
        // Two weeks, Oct 1..14: u1 logs in Oct 1, 2 and 8; u2 only calls the API; u1's Oct 20 login is outside.
        using var workspace = new SmallWorkspace().Account("a", 1)
            .Usage("a", "2026-10-01", 1, "login", "u1").Usage("a", "2026-10-02", 1, "login", "u1").Usage("a", "2026-10-08", 1, "login", "u1")
            .Usage("a", "2026-10-03", 1, user: "u2").Usage("a", "2026-10-20", 1, "login", "u1");

        var result = await workspace.KpiAsync("login-frequency", new KpiArguments { From = "2026-10-01", To = "2026-10-15", ComparePrevious = false });

        // 3 logins / 2 active users / 2 weeks = 0.75.
        Assert.Equal(0.75, result.Value);
        Assert.Equal([("logins", 3d), ("active_users", 2d), ("weeks", 2d)], result.Parts.Select(p => (p.Name, p.Value!.Value)));
    }

    [Fact]
    public async Task Revenue_per_active_user_divides_mrr_at_the_period_end_by_active_users()
    {
        // MRR at Nov 1: a 300 (raised Oct 15 from 100), b none yet (starts Nov 5), c 200. Active in October: u1, u2 (a), u3 (b).
        using var workspace = new SmallWorkspace().Account("a", 1).Account("b", 1).Account("c", 1)
            .Subscription("a", "2026-09-01", 100).Subscription("a", "2026-10-15", 300).Subscription("b", "2026-11-05", 999).Subscription("c", "2026-08-01", 200)
            .Usage("a", "2026-10-02", 1, user: "u1").Usage("a", "2026-10-03", 1, user: "u2").Usage("b", "2026-10-04", 1, user: "u3")
            .Usage("a", "2026-09-10", 1, user: "u1");

        var result = await workspace.KpiAsync("revenue-per-active-user", new KpiArguments());
        var byAccount = await workspace.KpiAsync("revenue-per-active-user", new KpiArguments { GroupBy = ["account_id"], ComparePrevious = false });

        // (300 + 200) / 3 users.
        Assert.Equal(500d / 3, result.Value!.Value, 10);
        // September: MRR at Oct 1 = 100 + 200 = 300, one active user (u1).
        Assert.Equal(300d, result.Previous!.Value);
        // a: 300 / 2; b: 0 / 1; c: 200 but no active user, so no value.
        Assert.Equal([("a", (double?)150d), ("b", 0d), ("c", null)], byAccount.Rows!.Select(r => (r.Keys[0].Value!, r.Value)));
    }

    [Fact]
    public async Task Stickiness_distribution_shares_user_weeks_by_active_days()
    {
        // Weeks of Mon Oct 5 and Mon Oct 12. u1: 3 days, then 1 day; u2: all 7 days of the first week; u3: 3 days of the second.
        using var workspace = new SmallWorkspace().Account("a", 1)
            .Usage("a", "2026-10-05", 1, user: "u1").Usage("a", "2026-10-07", 1, user: "u1").Usage("a", "2026-10-07", 1, user: "u1").Usage("a", "2026-10-11", 1, user: "u1")
            .Usage("a", "2026-10-14", 1, user: "u1")
            .Usage("a", "2026-10-12", 1, user: "u3").Usage("a", "2026-10-13", 1, user: "u3").Usage("a", "2026-10-18", 1, user: "u3");
        for (var day = 5; day <= 11; day++)
        {
            workspace.Usage("a", $"2026-10-{day:00}", 1, user: "u2");
        }

        var result = await workspace.KpiAsync("stickiness-distribution", new KpiArguments { From = "2026-10-05", To = "2026-10-19", ComparePrevious = false });

        // User-weeks with 3, 1, 7 and 3 days: mean (3 + 1 + 7 + 3) / 4 = 3.5.
        Assert.Equal(3.5, result.Value);
        // Exactly: 1 day 1/4, 3 days 2/4, 7 days 1/4. At least: 4/4, 3/4, 3/4, then 1/4 up to 7.
        Assert.Equal([25d, 0, 50, 0, 0, 0, 25], result.Rows!.Select(r => r.Value!.Value));
        Assert.Equal([100d, 75, 75, 25, 25, 25, 25], result.Rows!.Select(r => r.Parts[1].Value!.Value));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], result.Rows!.Select(r => r.Keys[0].Value));
    }

    [Fact]
    public async Task Feature_breadth_averages_each_active_accounts_share_of_the_metered_events()
    {
        // Metered events: api_call, export, login, report. In October a uses three of them and b one; c only used report in September.
        using var workspace = new SmallWorkspace().Account("a", 1).Account("b", 1).Account("c", 1)
            .Usage("a", "2026-10-02", 1).Usage("a", "2026-10-03", 1, "export").Usage("a", "2026-10-04", 1, "login").Usage("a", "2026-10-05", 1)
            .Usage("b", "2026-10-02", 1).Usage("c", "2026-09-02", 1, "report");

        var result = await workspace.KpiAsync("feature-breadth", new KpiArguments { ComparePrevious = false });
        var ofEight = await workspace.KpiAsync("feature-breadth", new KpiArguments { ComparePrevious = false, Options = ["features=8"] });
        var byAccount = await workspace.KpiAsync("feature-breadth", new KpiArguments { ComparePrevious = false, GroupBy = ["account_id"] });

        // a 3/4 = 75%, b 1/4 = 25%: mean 50%.
        Assert.Equal(50d, result.Value);
        Assert.Equal([("accounts", 2d), ("features_available", 4d), ("mean_features_used", 2d)], result.Parts.Select(p => (p.Name, p.Value!.Value)));
        Assert.Equal(25d, ofEight.Value); // (3/8 + 1/8) / 2
        Assert.Equal([("a", 75d), ("b", 25d)], byAccount.Rows!.Select(r => (r.Keys[0].Value!, r.Value!.Value)));
    }
}
