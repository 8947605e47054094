using CsCheck;
using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>Every engagement KPI on DuckDB against <see cref="EngagementReference"/> on random workspaces.</summary>
[Collection(ReferenceWorkspacesCollection.Name)]
public sealed class EngagementKpiPropertyTests(ReferenceWorkspaces pool)
{
    // A --where segment filter (or none) and a partner's scope (or all accounts).
    private static readonly Gen<(string? Segment, string? Partner)> s_scopes =
        Gen.Select(Gen.OneOf<string?>(null, null, "smb", "mid"), Gen.OneOf<string?>(null, null, "p1"));

    [Fact]
    public void Active_users_for_every_measure_window_and_mode_equal_the_plain_count() =>
        ReferenceProperty.Holds(
            pool,
            Gen.Select(Gen.OneOf("mau", "wau", "dau"), Gen.Int[0, 40], Gen.OneOf("trailing", "calendar"), s_scopes),
            (w, choice, kpi) =>
            {
                var (measure, window, mode, scope) = choice;
                int? n = window == 0 ? null : window;
                var options = new List<string> { $"measure={measure}", $"mode={mode}" };
                if (n is not null)
                {
                    options.Add($"window={n}");
                }
                SegmentChecks(w, kpi, "active-users", new KpiArguments { Options = options }, scope,
                    (period, keep) => EngagementReference.ActiveUsers(w, period, keep, measure, n, mode));
            });

    [Fact]
    public void Daily_active_users_by_day_equal_each_days_plain_count() =>
        ReferenceProperty.Holds(pool, s_scopes, (w, scope, kpi) =>
        {
            var (segment, partner) = scope;
            bool Kept(string? account) => w.InScope(account, partner) && (segment is null || w.SegmentOf(account!) == segment);
            var arguments = new KpiArguments { Options = ["measure=dau"], Grain = "day", Where = segment is null ? [] : [$"segment={segment}"] };
            var period = new Window(w.From, w.To);
            var days = period.Days.ToDictionary(d => Window.Label(d.ToDateTime(TimeOnly.MinValue)), d => new Window(d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), d.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
            var result = kpi("active-users", arguments, partner, previous: true);
            Agreement.Same(EngagementReference.ActiveUsers(w, period, Kept, "dau", null, "trailing"), result, "dau");
            Agreement.Rows(result.Rows, "period", label => EngagementReference.ActiveUsers(w, days[label!], Kept, "dau", null, "trailing"), days.Keys, "dau by day");
        });

    [Fact]
    public void Stickiness_mixpanel_and_rolling_equal_the_plain_ratios() =>
        ReferenceProperty.Holds(pool, Gen.Select(Gen.Bool, s_scopes), (w, choice, kpi) =>
        {
            var (rolling, scope) = choice;
            SegmentChecks(w, kpi, "stickiness", new KpiArguments { Variant = rolling ? "rolling" : null }, scope,
                (period, keep) => EngagementReference.Stickiness(w, period, keep, rolling));
        });

    [Fact]
    public void Usage_rate_equals_active_users_over_users_known_at_the_end() =>
        ReferenceProperty.Holds(pool, s_scopes, (w, scope, kpi) =>
            SegmentChecks(w, kpi, "usage-rate", new KpiArguments(), scope, (period, keep) => EngagementReference.UsageRate(w, period, keep)));

    [Fact]
    public void Feature_adoption_for_users_and_accounts_equals_the_plain_count_of_adopters() =>
        ReferenceProperty.Holds(pool, Gen.Select(Gen.OneOf("export", "report_view", "login", "data_processed"), Gen.Bool, s_scopes), (w, choice, kpi) =>
        {
            var (feature, accounts, scope) = choice;
            var arguments = new KpiArguments { Options = [$"feature={feature}", $"level={(accounts ? "accounts" : "users")}"] };
            SegmentChecks(w, kpi, "feature-adoption", arguments, scope, (period, keep) => EngagementReference.FeatureAdoption(w, period, keep, feature, accounts));
        });

    [Fact]
    public void Seat_utilization_per_account_and_overall_equals_active_users_over_seats() =>
        ReferenceProperty.Holds(pool, s_scopes, (w, scope, kpi) =>
        {
            var (segment, partner) = scope;
            bool Kept(string? account) => w.InScope(account, partner) && (segment is null || w.SegmentOf(account!) == segment);
            var result = kpi("seat-utilization", new KpiArguments { Where = segment is null ? [] : [$"segment={segment}"] }, partner);
            var (overall, rows) = EngagementReference.SeatUtilization(w, new Window(w.From, w.To), Kept);
            Agreement.Same(overall, result, "seat-utilization");
            Agreement.Rows(result.Rows, "account_id", a => rows[a!].Row, rows.Keys, "seat-utilization by account");
            Assert.All(result.Rows!, r => Assert.Equal(rows[Agreement.Key(r, "account_id")!].Band, Agreement.Key(r, "band")));
        });

    [Fact]
    public void Feature_breadth_equals_the_mean_share_of_features_each_active_account_used() =>
        ReferenceProperty.Holds(pool, Gen.Select(Gen.Int[0, 8], s_scopes), (w, choice, kpi) =>
        {
            var (features, scope) = choice;
            int? available = features < 3 ? null : features;
            SegmentChecks(w, kpi, "feature-breadth", new KpiArguments { Options = available is null ? [] : [$"features={available}"] }, scope,
                (period, keep) => EngagementReference.FeatureBreadth(w, period, keep, available));
        });

    [Fact]
    public void Sessions_count_mean_and_median_equal_a_plain_split_at_every_long_gap() =>
        ReferenceProperty.Holds(pool, Gen.Select(Gen.Int[1, 120], s_scopes), (w, choice, kpi) =>
        {
            var (gap, scope) = choice;
            SegmentChecks(w, kpi, "sessions", new KpiArguments { Options = [$"gap={gap}"] }, scope,
                (period, keep) => EngagementReference.Sessions(w, period, keep, gap));
        });

    [Fact]
    public void Login_frequency_equals_logins_per_active_user_per_week() =>
        ReferenceProperty.Holds(pool, s_scopes, (w, scope, kpi) =>
            SegmentChecks(w, kpi, "login-frequency", new KpiArguments(), scope, (period, keep) => EngagementReference.LoginFrequency(w, period, keep)));

    [Fact]
    public void Stickiness_distribution_equals_the_plain_histogram_of_active_days_per_user_week() =>
        ReferenceProperty.Holds(pool, s_scopes, (w, scope, kpi) =>
        {
            var (segment, partner) = scope;
            bool Kept(string? account) => w.InScope(account, partner) && (segment is null || w.SegmentOf(account!) == segment);
            var result = kpi("stickiness-distribution", new KpiArguments { Where = segment is null ? [] : [$"segment={segment}"] }, partner);
            var (overall, byDays) = EngagementReference.StickinessDistribution(w, new Window(w.From, w.To), Kept);
            Agreement.Same(overall, result, "stickiness-distribution");
            Agreement.Rows(result.Rows, "days", k => byDays[int.Parse(k!, System.Globalization.CultureInfo.InvariantCulture) - 1],
                Enumerable.Range(1, 7).Select(k => (string?)k.ToString(System.Globalization.CultureInfo.InvariantCulture)), "stickiness-distribution by days");
        });

    [Fact]
    public void Retention_cells_and_summary_for_users_and_accounts_and_both_modes_equal_the_plain_cohorts() =>
        ReferenceProperty.Holds(pool, Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, s_scopes), (w, choice, kpi) =>
        {
            var (accounts, onOrAfter, weekly, (segment, partner)) = choice;
            var arguments = new KpiArguments
            {
                Grain = weekly ? "week" : null,
                Where = segment is null ? [] : [$"segment={segment}"],
                Options = [$"entity={(accounts ? "accounts" : "users")}", $"mode={(onOrAfter ? "on-or-after" : "on")}"],
            };
            bool Kept(string? account) => w.InScope(account, partner) && (segment is null || w.SegmentOf(account!) == segment);
            var period = new Window(w.From, w.To);
            var result = kpi("retention", arguments, partner, previous: true);
            var (overall, cells) = RetentionReference.Compute(w, period, Kept, accounts, onOrAfter, weekly);
            Agreement.Same(overall, result, "retention");
            Agreement.SamePrevious(RetentionReference.Compute(w, period.Previous(), Kept, accounts, onOrAfter, weekly).Overall, result, "retention");
            var rows = result.Rows!.ToDictionary(r => (Agreement.Key(r, "cohort")!, int.Parse(Agreement.Key(r, "interval")!, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(cells.Keys.Order(), rows.Keys.Order());
            foreach (var (key, cell) in cells)
            {
                Agreement.Same(cell, rows[key], "retention cell");
            }
        });

    [Fact]
    public void Revenue_per_active_user_equals_mrr_at_the_end_over_active_users() =>
        ReferenceProperty.Holds(pool, s_scopes, (w, scope, kpi) =>
            SegmentChecks(w, kpi, "revenue-per-active-user", new KpiArguments(), scope, (period, keep) => EngagementReference.RevenuePerActiveUser(w, period, keep)));

    /// <summary>
    /// The KPI filtered to one segment (or not) within a partner's scope (or not), with its previous
    /// period, its monthly rows, and its rows by segment, each against the reference over that
    /// period and those accounts. Every segment with an active user in the period must have a row.
    /// </summary>
    private static void SegmentChecks(
        SampleWorkspace w, ReferenceProperty.Kpi kpi, string name, KpiArguments arguments, (string? Segment, string? Partner) scope, Func<Window, Func<string?, bool>, ExpectedKpi> expected)
    {
        var (segment, partner) = scope;
        bool Kept(string? account) => w.InScope(account, partner) && (segment is null || w.SegmentOf(account!) == segment);
        var filtered = arguments with { Where = segment is null ? [] : [$"segment={segment}"] };
        var period = new Window(w.From, w.To);
        var result = kpi(name, filtered, partner, previous: true);
        Agreement.Same(expected(period, Kept), result, name);
        Agreement.SamePrevious(expected(period.Previous(), Kept), result, name);

        var buckets = period.Months().ToDictionary(m => m.Label, m => m.Bucket);
        Agreement.Rows(kpi(name, filtered with { Grain = "month" }, partner).Rows, "period", label => expected(buckets[label!], Kept), buckets.Keys, $"{name} by month");

        var active = EngagementReference.ActiveDays(w, a => w.InScope(a, partner)).Where(a => a.Day >= period.FirstDay && a.Day <= period.LastDay).Select(a => w.SegmentOf(a.Account)).Distinct();
        Agreement.Rows(kpi(name, arguments with { GroupBy = ["segment"] }, partner).Rows, "segment", s => expected(period, a => w.InScope(a, partner) && w.SegmentOf(a!) == s), active, $"{name} by segment");
    }
}
