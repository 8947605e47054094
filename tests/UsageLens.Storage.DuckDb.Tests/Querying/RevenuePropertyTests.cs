using CsCheck;
using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class RevenuePropertyTests
{
    private static readonly DateTime s_start = new(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_from = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_to = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    // Six accounts, days from August 1st to November 9th, MRR from a tiny set so zeros (churn) are common.
    private static readonly Gen<(int Account, int Day, int Mrr)[]> s_timelines =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 100], Gen.Int[0, 3].Select(i => i * 50)).Array[1, 25];

    [Fact]
    public void Movements_on_duckdb_match_a_plain_replay_of_the_timeline_and_add_up()
    {
        s_timelines.Sample(rows =>
        {
            // One row per account and day, so "the latest row" is never a tie.
            var timeline = rows.DistinctBy(r => (r.Account, r.Day)).ToList();
            using var workspace = new SmallWorkspace();
            foreach (var (account, day, mrr) in timeline)
            {
                workspace.Subscription(Id(account), s_start.AddDays(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), mrr);
            }

            var arguments = new KpiArguments { Period = "last-month", ComparePrevious = false };
            var result = workspace.KpiAsync("mrr-movements", arguments).GetAwaiter().GetResult();
            var grr = workspace.KpiAsync("grr", arguments).GetAwaiter().GetResult().Value;
            var nrr = workspace.KpiAsync("nrr", arguments).GetAwaiter().GetResult().Value;

            var expected = Plain(timeline);
            double Part(string name) => result.Parts.Single(p => p.Name == name).Value!.Value;
            Assert.Equal(expected, (Part("new"), Part("reactivation"), Part("expansion"), Part("contraction"), Part("churn"), Part("mrr_from"), Part("mrr_to")));
            Assert.Equal(Part("mrr_to"), Part("mrr_from") + Part("new") + Part("reactivation") + Part("expansion") - Part("contraction") - Part("churn"));
            Assert.Equal(grr is null, nrr is null);
            Assert.True(grr is null || (grr <= 100 && grr <= nrr), $"GRR {grr}, NRR {nrr}");
        }, iter: 30, threads: 1);
    }

    private static string Id(int i) => $"acct-{i}";

    // The definition written out plainly: each account's MRR is its latest row strictly before the instant.
    private static (double, double, double, double, double, double, double) Plain(List<(int Account, int Day, int Mrr)> timeline)
    {
        double At(int account, DateTime instant) =>
            timeline.Where(r => r.Account == account && s_start.AddDays(r.Day) < instant).OrderBy(r => r.Day).Select(r => (double)r.Mrr).LastOrDefault();
        double fresh = 0, reactivation = 0, expansion = 0, contraction = 0, churn = 0, from = 0, to = 0;
        for (var account = 0; account <= 5; account++)
        {
            var before = At(account, s_from);
            var after = At(account, s_to);
            var paidBefore = timeline.Any(r => r.Account == account && r.Mrr > 0 && s_start.AddDays(r.Day) < s_from);
            from += before;
            to += after;
            if (before == 0 && after > 0 && paidBefore)
            {
                reactivation += after;
            }
            else if (before == 0 && after > 0)
            {
                fresh += after;
            }
            else if (before > 0 && after == 0)
            {
                churn += before;
            }
            else if (after > before)
            {
                expansion += after - before;
            }
            else
            {
                contraction += before - after;
            }
        }
        return (fresh, reactivation, expansion, contraction, churn, from, to);
    }
}
