using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class NpsOnDuckDbTests
{
    private static SmallWorkspace Answers() => new SmallWorkspace()
        .Account("e1", 1, "enterprise", partner: "p-north").Account("s1", 1, "smb", partner: "p-south")
        // October: enterprise 10, 9, 3 → (2 − 1)/3 = 33.3; smb 8, 0 → (0 − 1)/2 = −50. All five: (2 − 2)/5 = 0.
        .Nps("e1", "2026-10-03", 10).Nps("e1", "2026-10-04", 9).Nps("e1", "2026-10-05", 3)
        .Nps("s1", "2026-10-06", 8).Nps("s1", "2026-10-07", 0)
        // September: one promoter → 100.
        .Nps("s1", "2026-09-10", 10);

    [Fact]
    public async Task Nps_by_segment_with_the_previous_month()
    {
        using var workspace = Answers();

        var result = await workspace.KpiAsync("nps", new KpiArguments { Period = "last-month", GroupBy = ["segment"] });

        Assert.Equal(0.0, result.Value);
        Assert.Equal(100.0, result.Previous!.Value);
        Assert.Equal(5d, result.Parts.Single(p => p.Name == "n").Value);
        var rows = result.Rows!.ToDictionary(r => r.Keys.Single().Value!, r => r.Value!.Value);
        Assert.Equal(100.0 / 3, rows["enterprise"], 9);
        Assert.Equal(-50.0, rows["smb"], 9);
    }

    [Fact]
    public async Task A_partner_sees_the_nps_of_its_accounts_only()
    {
        using var workspace = Answers();

        var result = await workspace.KpiAsync("nps", new KpiArguments { Period = "last-month", ComparePrevious = false }, AccountScope.Partner("p-south"));

        Assert.Equal(-50.0, result.Value);
    }

    [Fact]
    public async Task Nps_cannot_be_broken_down_by_an_event_dimension()
    {
        using var workspace = Answers();

        var error = await Assert.ThrowsAsync<UsageLens.Core.UsageLensException>(() => workspace.KpiAsync("nps", new KpiArguments { GroupBy = ["product"] }));

        Assert.Equal("NPS answers can be broken down and filtered by account dimensions only, not 'product'", error.Message);
    }
}
