using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Querying;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Literals;

/// <summary>Filter values that look like SQL are compared as text: they match only an equal value and change nothing.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class FilterValueInjectionTests(ClickHouseServers servers)
{
    private const string Injection = "x') OR 1=1 --";

    [SkippableFact]
    public async Task A_filter_value_written_as_sql_matches_only_accounts_with_that_very_text()
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.SingleDatabase(), default);
        using var store = new ClickHouseIngestionStore(workspace, TimeProvider.System) { MinimumInsertInterval = TimeSpan.Zero };
        // a1 (smb) makes 3 calls, a2 (whose segment is the injection text itself) makes 2, a3 (mid) 4.
        await store.WriteAsync(new IngestBatch(
            [
                SampleEvents.Call("1", "a1", 1), SampleEvents.Call("2", "a1", 2), SampleEvents.Call("3", "a1", 3),
                SampleEvents.Call("4", "a2", 4), SampleEvents.Call("5", "a2", 5),
                SampleEvents.Call("6", "a3", 6), SampleEvents.Call("7", "a3", 7), SampleEvents.Call("8", "a3", 8), SampleEvents.Call("9", "a3", 9),
            ],
            [SampleEvents.Account("a1", "smb"), SampleEvents.Account("a2", Injection), SampleEvents.Account("a3", "mid")], []), default);

        Assert.Equal(3, await UsageAsync(workspace, "segment=smb"));
        Assert.Equal(2, await UsageAsync(workspace, "segment=" + Injection));
        Assert.Equal(0, await UsageAsync(workspace, "segment=x' OR '1'='1"));
        Assert.Equal(0, await UsageAsync(workspace, @"segment=\' OR 1=1 --"));
        Assert.Equal(0, await UsageAsync(workspace, "segment=x'); DROP TABLE events; --"));
        Assert.Equal(7, await UsageAsync(workspace, "segment!=" + Injection));

        using var probe = new ServerProbe(servers.Single!);
        var rows = await probe.RowsAsync($"SELECT count() FROM {workspace.Address.Database}.events");
        Assert.Equal(9L, rows[0][0]);
    }

    private static async Task<double?> UsageAsync(ClickHouseWorkspace workspace, string filter)
    {
        var context = await KpiContext.CreateAsync(new ClickHouseQueryStore(workspace), default);
        var kpi = KpiCatalog.Find("usage");
        var arguments = new KpiArguments { Metric = "api_call", From = "2026-11-01", To = "2026-11-15", Where = [filter], ComparePrevious = false };
        var result = await kpi.ComputeAsync(arguments.Resolve(kpi.Definition, context.Model, new DateOnly(2026, 11, 15), AccountScope.All), context, default);
        return result.Value;
    }
}
