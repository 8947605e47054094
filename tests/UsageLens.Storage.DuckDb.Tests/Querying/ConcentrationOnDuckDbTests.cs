using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class ConcentrationOnDuckDbTests
{
    [Fact]
    public async Task Concentration_of_october_api_calls_with_the_top_table()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 1).Account("b", 1).Account("c", 1).Account("d", 1).Account("idle", 1)
            .Usage("a", "2026-10-02", 10).Usage("b", "2026-10-02", 15).Usage("b", "2026-10-20", 5)
            .Usage("c", "2026-10-02", 30).Usage("d", "2026-10-02", 40).Usage("a", "2026-09-02", 500);

        var result = await workspace.KpiAsync("concentration", new KpiArguments { Metric = "api_call", Top = "2" });

        Assert.Equal(0.25, result.Value!.Value, 12); // 10, 20, 30, 40: see UsageConcentrationTests
        Assert.Equal(70d, result.Parts.Single(p => p.Name == "top_share").Value!.Value, 9);
        Assert.Equal([("1", "d", 40d), ("2", "c", 30d)], result.Rows!.Select(r => (r.Keys[0].Value!, r.Keys[1].Value!, r.Value!.Value)));
        Assert.Equal(0d, result.Previous!.Value); // September: only a
    }
}
