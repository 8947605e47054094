using CsCheck;
using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>Every revenue KPI on DuckDB against <see cref="RevenueReference"/> on random subscription timelines: the headline, each month and each segment.</summary>
[Collection(ReferenceWorkspacesCollection.Name)]
public sealed class RevenueKpiPropertyTests(ReferenceWorkspaces pool)
{
    [Theory]
    [InlineData("mrr")]
    [InlineData("arr")]
    [InlineData("mrr-movements")]
    [InlineData("logo-churn")]
    [InlineData("revenue-churn")]
    [InlineData("nrr")]
    [InlineData("grr")]
    [InlineData("arpa")]
    [InlineData("quick-ratio")]
    [InlineData("cltv")]
    public void Revenue_kpi_its_months_and_its_segments_equal_a_plain_replay_of_the_timeline(string name) =>
        ReferenceProperty.Holds(pool, Gen.Select(Gen.Bool, Gen.Int[1, 100], Gen.OneOf<string?>(null, null, "p1")), (w, choice, kpi) =>
        {
            var (net, margin, partner) = choice;
            bool InScope(string? account) => w.InScope(account, partner);
            var (arguments, option) = name switch
            {
                "revenue-churn" => (new KpiArguments { Variant = net ? "net" : null }, net ? "net" : "gross"),
                "cltv" => (new KpiArguments { Options = [$"gross-margin={margin}"] }, margin.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                _ => (new KpiArguments(), null),
            };
            var period = new Window(w.From, w.To);

            var result = kpi(name, arguments, partner, previous: true);
            Agreement.Same(RevenueReference.For(name, w, period, InScope, option), result, name);
            Agreement.SamePrevious(RevenueReference.For(name, w, period.Previous(), InScope, option), result, name);

            var months = kpi(name, arguments with { Grain = "month" }, partner);
            var buckets = period.Months().ToDictionary(m => m.Label, m => m.Bucket);
            Agreement.Rows(months.Rows, "period", label => RevenueReference.For(name, w, buckets[label!], InScope, option), buckets.Keys, $"{name} by month");

            // Accounts unknown to the CRM form the group whose segment is empty.
            var bySegment = kpi(name, arguments with { GroupBy = ["segment"] }, partner);
            Agreement.Rows(bySegment.Rows, "segment", s => RevenueReference.For(name, w, period, a => InScope(a) && w.SegmentOf(a!) == s, option),
                w.Accounts.Where(a => InScope(a.Id)).Select(a => (string?)a.Segment).Distinct(), $"{name} by segment");
        });
}
