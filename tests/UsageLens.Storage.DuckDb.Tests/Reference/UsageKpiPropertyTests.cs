using CsCheck;
using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>usage, top-customer-share and concentration on DuckDB against <see cref="UsageReference"/> on random workspaces.</summary>
[Collection(ReferenceWorkspacesCollection.Name)]
public sealed class UsageKpiPropertyTests(ReferenceWorkspaces pool)
{
    private static readonly string[] s_metrics = ["api_call", "count(login)", "users(export)", "accounts(report_view)", "data_processed"];
    private static readonly string?[] s_segmentFilters = [null, null, "smb", "ent"];
    private static readonly string?[] s_partners = [null, null, "p1"];

    [Fact]
    public void Usage_its_monthly_series_and_its_segments_equal_the_plain_sums() =>
        ReferenceProperty.Holds(pool, Gen.Select(Gen.OneOf(s_metrics), Gen.OneOf(s_segmentFilters), Gen.OneOf(s_partners)), (w, choice, kpi) =>
        {
            var (metric, segment, partner) = choice;
            bool Kept(string? account) => w.InScope(account, partner) && (segment is null || w.SegmentOf(account!) == segment);
            var period = new Window(w.From, w.To);
            var where = segment is null ? [] : new[] { $"segment={segment}" };

            var total = kpi("usage", new KpiArguments { Metric = metric, Where = where }, partner, previous: true);
            Agreement.Close(UsageReference.Metric(w, period, metric, Kept), total.Value, "usage");
            Agreement.Close(UsageReference.Metric(w, period.Previous(), metric, Kept), total.Previous!.Value, "usage (previous period)");

            var months = kpi("usage", new KpiArguments { Metric = metric, Where = where, Grain = "month" }, partner);
            var buckets = period.Months().ToDictionary(m => m.Label, m => m.Bucket);
            Agreement.Rows(months.Rows, "period", label => new ExpectedKpi(UsageReference.Metric(w, buckets[label!], metric, Kept)), buckets.Keys, "usage by month");

            var bySegment = kpi("usage", new KpiArguments { Metric = metric, GroupBy = ["segment"] }, partner);
            Agreement.Rows(bySegment.Rows, "segment", s => new ExpectedKpi(UsageReference.Metric(w, period, metric, a => w.InScope(a, partner) && w.SegmentOf(a!) == s)),
                UsageReference.SegmentsWith(w, period, metric, partner), "usage by segment");
        });

    [Fact]
    public void Top_customer_share_for_every_ranking_and_top_selection_equals_the_plain_ranking() =>
        ReferenceProperty.Holds(
            pool,
            Gen.Select(Gen.OneOf("revenue", "mrr", "login"), Gen.OneOf("20%", "50%", "1%", "100%", "33%", "1", "3", "strategic"), Gen.Bool, Gen.OneOf(s_partners)),
            (w, choice, kpi) =>
            {
                var (rankBy, top, weighted, partner) = choice;
                weighted &= top.EndsWith('%');
                var arguments = top == "strategic"
                    ? new KpiArguments { Metric = "api_call", TopWhere = ["strategic=true"] }
                    : new KpiArguments { Metric = "api_call", Top = top, RankBy = rankBy, Variant = weighted ? "revenue-weighted" : null };
                (ExpectedKpi Kpi, IReadOnlyList<string> Top) Expected(Window period, Func<string?, bool> keep) =>
                    top == "strategic" ? UsageReference.StrategicShare(w, period, keep) : UsageReference.TopShare(w, period, keep, rankBy, top, weighted);
                bool InScope(string? account) => w.InScope(account, partner);
                var period = new Window(w.From, w.To);

                var result = kpi("top-customer-share", arguments, partner, previous: true);
                var expected = Expected(period, InScope);
                Agreement.Same(expected.Kpi, result, "top-customer-share");
                Assert.Equal(expected.Top, result.Accounts);
                Agreement.SamePrevious(Expected(period.Previous(), InScope).Kpi, result, "top-customer-share");

                var months = kpi("top-customer-share", arguments with { Grain = "month" }, partner);
                var buckets = period.Months().ToDictionary(m => m.Label, m => m.Bucket);
                Agreement.Rows(months.Rows, "period", label => Expected(buckets[label!], InScope).Kpi, buckets.Keys, "top-customer-share by month");

                // A segment row ranks and measures only that segment's accounts.
                var bySegment = kpi("top-customer-share", arguments with { GroupBy = ["segment"] }, partner);
                Agreement.Rows(bySegment.Rows, "segment", s => Expected(period, a => InScope(a) && w.SegmentOf(a!) == s).Kpi, [], "top-customer-share by segment");
            });

    [Fact]
    public void Concentration_gini_hhi_top_share_and_lorenz_curve_equal_the_plain_formulas() =>
        ReferenceProperty.Holds(pool, Gen.Select(Gen.OneOf<string?>(null, "3", "1", "50%"), Gen.OneOf(s_partners)), (w, choice, kpi) =>
        {
            var (top, partner) = choice;
            bool InScope(string? account) => w.InScope(account, partner);
            var period = new Window(w.From, w.To);
            Func<int, int> leaders = n => top is null ? 10 : top.EndsWith('%') ? ((int.Parse(top[..^1], System.Globalization.CultureInfo.InvariantCulture) * n) + 99) / 100 : int.Parse(top, System.Globalization.CultureInfo.InvariantCulture);

            var lorenz = kpi("concentration", new KpiArguments { Metric = "api_call", Top = top, Options = ["view=lorenz"] }, partner, previous: true);
            Agreement.Same(UsageReference.Concentration(w, period, InScope, leaders), lorenz, "concentration");
            Agreement.SamePrevious(UsageReference.Concentration(w, period.Previous(), InScope, leaders), lorenz, "concentration");
            var points = UsageReference.Lorenz(w, period, InScope);
            Assert.Equal(points.Count, lorenz.Rows!.Count);
            for (var i = 0; i < points.Count; i++)
            {
                Agreement.Close(points[i], lorenz.Rows[i].Value, $"lorenz point {i}");
            }

            var months = kpi("concentration", new KpiArguments { Metric = "api_call", Top = top, Grain = "month" }, partner);
            var buckets = period.Months().ToDictionary(m => m.Label, m => m.Bucket);
            Agreement.Rows(months.Rows, "period", label => UsageReference.Concentration(w, buckets[label!], InScope, leaders),
                buckets.Where(b => UsageReference.Metric(w, b.Value, "api_call", InScope) > 0).Select(b => b.Key), "concentration by month");

            var bySegment = kpi("concentration", new KpiArguments { Metric = "api_call", Top = top, GroupBy = ["segment"] }, partner);
            Agreement.Rows(bySegment.Rows, "segment", s => UsageReference.Concentration(w, period, a => InScope(a) && w.SegmentOf(a!) == s, leaders),
                UsageReference.SegmentsWith(w, period, "api_call", partner), "concentration by segment");
        });
}
