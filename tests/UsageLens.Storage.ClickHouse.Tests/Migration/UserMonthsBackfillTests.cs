using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Migration;

/// <summary>
/// A workspace created before the monthly activity rollup gets it filled from its stored events when next opened,
/// and only then: its materialized view sees only new inserts.
/// </summary>
[Collection(ClickHouseCollection.Name)]
public sealed class UserMonthsBackfillTests(ClickHouseServers servers)
{
    private const string Months =
        "SELECT toString(month), account_id, user_id, event, groupBitOr(days), toString(min(first_at)) FROM rollup_user_months "
        + "GROUP BY month, account_id, user_id, event ORDER BY month, account_id, user_id, event";

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task A_workspace_from_before_the_monthly_activity_gets_it_from_its_events_when_opened(string layout)
    {
        ClickHouseRequirement.Check();
        var address = servers.Database(layout);
        var at = new DateTime(2026, 9, 29, 22, 0, 0, DateTimeKind.Utc);
        using (var workspace = await ClickHouseWorkspace.OpenAsync(address, default))
        {
            using var writer = new ClickHouseIngestionStore(workspace, TimeProvider.System) { MinimumInsertInterval = TimeSpan.Zero };
            // ua on 29 September and 1 and 31 October; ub on 30 September; one event with no user.
            await writer.WriteAsync(IngestBatch.OfEvents([
                Call("1", "ua", at), Call("2", "ua", at.AddDays(2)), Call("3", "ua", at.AddDays(32)), Call("4", "ub", at.AddDays(1)), Call("5", null, at)]), default);
            var suffix = layout == "cluster" ? "_local" : "";
            foreach (var node in workspace.Nodes)
            {
                await node.ExecuteAsync($"DROP TABLE rollup_user_months{suffix}_view", default);
                await node.ExecuteAsync($"DROP TABLE rollup_user_months{suffix}", default);
                if (suffix.Length > 0)
                {
                    await node.ExecuteAsync("DROP TABLE rollup_user_months", default);
                }
            }
        }

        using var reopened = await ClickHouseWorkspace.OpenAsync(address, default);
        var rows = (await reopened.Entry.QueryAsync(Months, default)).Rows.Select(r => string.Join("|", r)).ToList();

        // Bits: 29 September is 2^28, 30 September 2^29; 1 October is 2^0 and 31 October 2^30.
        Assert.Equal(
        [
            "2026-09-01 00:00:00|a|ua|api_call|268435456|2026-09-29 22:00:00",
            "2026-09-01 00:00:00|a|ub|api_call|536870912|2026-09-30 22:00:00",
            "2026-10-01 00:00:00|a|ua|api_call|1073741825|2026-10-01 22:00:00",
        ], rows);
    }

    private static UsageEvent Call(string id, string? user, DateTime at) =>
        new(id, "test", at, "a", user, "api_call", 1, "calls", null, null, null, null);
}
