using UsageLens.Core;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Storage.ClickHouse.Querying;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Querying;

/// <summary>A period ClickHouse cannot hold is a clear refusal (the CLI prints it), not a crash or a wrong answer.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class OutOfRangePeriodTests(ClickHouseServers servers)
{
    [SkippableTheory]
    [InlineData("1960-01-01", "2026-11-15")]
    [InlineData("2026-01-01", "2110-01-01")]
    public async Task A_period_outside_1970_to_2105_is_refused_with_the_range(string from, string to)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.SingleDatabase(), default);
        var context = await KpiContext.CreateAsync(new ClickHouseQueryStore(workspace), default);
        var kpi = KpiCatalog.Find("active-users");
        var request = new KpiArguments { From = from, To = to }.Resolve(kpi.Definition, context.Model, new DateOnly(2026, 11, 15), AccountScope.All);

        var error = await Assert.ThrowsAsync<UsageLensException>(() => kpi.ComputeAsync(request, context, default));

        Assert.StartsWith("ClickHouse holds times from 1970-01-01 00:00:00 to 2105-12-31 23:59:59 UTC", error.Message, StringComparison.Ordinal);
    }
}
