using CsCheck;
using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class TopCustomerSharePropertyTests
{
    // Revenue from a tiny set so ties and zeros are common; usage days straddle October's edges.
    private static readonly Gen<(int Revenue, (int Account, int Day, int Calls)[] Events, int TopPercent)> s_workspaces =
        Gen.Select(
            Gen.Int[0, 4],
            Gen.Select(Gen.Int[0, 11], Gen.Int[-3, 33], Gen.Int[1, 50]).Array[1, 40],
            Gen.Int[1, 100]);

    [Fact]
    public void Share_on_duckdb_equals_a_plain_in_memory_computation()
    {
        Gen.Select(Gen.Int[0, 4].Array[12], s_workspaces.Select(w => (w.Events, w.TopPercent)))
            .Sample(sample =>
            {
                var (revenues, (events, topPercent)) = sample;
                using var workspace = new SmallWorkspace();
                for (var i = 0; i < 10; i++) // accounts 10 and 11 use the product but are not in the CRM
                {
                    workspace.Account(Id(i), revenues[i]);
                }
                foreach (var (account, day, calls) in events)
                {
                    workspace.Usage(Id(account), new DateOnly(2026, 10, 1).AddDays(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), calls);
                }

                var result = workspace.KpiAsync("top-customer-share", new KpiArguments { Metric = "api_call", Period = "last-month", Top = $"{topPercent}%", ComparePrevious = false }).GetAwaiter().GetResult();

                var expected = Plain(revenues.Take(10).ToArray(), events, topPercent);
                Assert.Equal(expected.Top, result.Accounts);
                Assert.Equal(expected.Share, result.Value);
            }, iter: 40, threads: 1);
    }

    private static string Id(int i) => $"acct-{i:00}";

    // The definition, written out plainly: rank by revenue > 0 descending then id, take ⌈X%·N⌉.
    private static (List<string> Top, double? Share) Plain(int[] revenues, (int Account, int Day, int Calls)[] events, int topPercent)
    {
        var ranked = Enumerable.Range(0, revenues.Length).Where(i => revenues[i] > 0)
            .OrderByDescending(i => revenues[i]).ThenBy(Id, StringComparer.Ordinal).Select(Id).ToList();
        var k = (ranked.Count * topPercent + 99) / 100;
        var top = ranked.Take(k).ToList();
        var october = events.Where(e => e.Day is >= 0 and < 31).ToList();
        double total = october.Sum(e => e.Calls);
        double topUsage = october.Where(e => top.Contains(Id(e.Account))).Sum(e => e.Calls);
        return (top, total > 0 ? topUsage / total * 100 : null);
    }
}
