using CsCheck;
using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>nps and usage-charges on DuckDB against <see cref="SatisfactionReference"/> and <see cref="ChargesReference"/>.</summary>
[Collection(ReferenceWorkspacesCollection.Name)]
public sealed class SatisfactionAndFinanceKpiPropertyTests(ReferenceWorkspaces pool)
{
    [Fact]
    public void Nps_its_months_and_its_segments_equal_the_plain_count_of_promoters_and_detractors() =>
        ReferenceProperty.Holds(pool, Gen.OneOf<string?>(null, null, "p1"), (w, partner, kpi) =>
        {
            bool InScope(string? account) => w.InScope(account, partner);
            var period = new Window(w.From, w.To);
            var result = kpi("nps", new KpiArguments(), partner, previous: true);
            Agreement.Same(SatisfactionReference.Nps(w, period, InScope), result, "nps");
            Agreement.SamePrevious(SatisfactionReference.Nps(w, period.Previous(), InScope), result, "nps");

            var buckets = period.Months().ToDictionary(m => m.Label, m => m.Bucket);
            Agreement.Rows(kpi("nps", new KpiArguments { Grain = "month" }, partner).Rows, "period", label => SatisfactionReference.Nps(w, buckets[label!], InScope),
                buckets.Where(b => w.Answers.Any(a => b.Value.Contains(a.At) && InScope(a.Account))).Select(b => b.Key), "nps by month");

            Agreement.Rows(kpi("nps", new KpiArguments { GroupBy = ["segment"] }, partner).Rows, "segment", s => SatisfactionReference.Nps(w, period, a => InScope(a) && w.SegmentOf(a!) == s),
                w.Answers.Where(a => period.Contains(a.At) && InScope(a.Account)).Select(a => w.SegmentOf(a.Account)).Distinct(), "nps by segment");
        });

    [Fact]
    public void Usage_charges_with_unit_graduated_and_volume_prices_equal_the_plain_bill() =>
        ReferenceProperty.Holds(pool, (w, kpi) =>
        {
            var period = new Window(w.From, w.To);
            var result = kpi("usage-charges", new KpiArguments(), previous: true);
            var (overall, rows) = ChargesReference.Compute(w, period, _ => true);
            Agreement.Same(overall, result, "usage-charges");
            Agreement.SamePrevious(ChargesReference.Compute(w, period.Previous(), _ => true).Overall, result, "usage-charges");
            var actual = result.Rows!.ToDictionary(r => (Agreement.Key(r, "account_id")!, Agreement.Key(r, "meter")!));
            Assert.Equal(rows.Keys.Order(), actual.Keys.Order());
            foreach (var (key, row) in rows)
            {
                Agreement.Same(row, actual[key], "usage-charges");
            }

            var months = kpi("usage-charges", new KpiArguments { Grain = "month" });
            foreach (var (label, bucket) in new Window(w.From, w.To).Months())
            {
                var inMonth = months.Rows!.Where(r => Agreement.Key(r, "period") == label).ToList();
                var (_, expectedRows) = ChargesReference.Compute(w, bucket, _ => true);
                Assert.Equal(expectedRows.Count, inMonth.Count);
                foreach (var row in inMonth)
                {
                    Agreement.Same(expectedRows[(Agreement.Key(row, "account_id")!, Agreement.Key(row, "meter")!)], row, $"usage-charges in {label}");
                }
            }

            // A segment row sums the charges of the segment's accounts; accounts unknown to the CRM have no segment.
            var bySegment = kpi("usage-charges", new KpiArguments { GroupBy = ["segment"] });
            Agreement.Rows(bySegment.Rows, "segment", s => SegmentCharges(w, period, s), [], "usage-charges by segment");
        });

    private static ExpectedKpi SegmentCharges(SampleWorkspace w, Window period, string? segment)
    {
        var overall = ChargesReference.Compute(w, period, a => w.SegmentOf(a!) == segment).Overall;
        return new ExpectedKpi(overall.Value, ("accounts_charged", overall.Parts["accounts_charged"]));
    }
}
