using UsageLens.Core.Accounts;
using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Alerts.Tests;

/// <summary>
/// Two accounts calling the API every day from 1 August to 30 September 2026 at noon: a makes as many
/// calls as the day of the month (1 to 31), b makes 10. So the 7 days before 1 September (25–31 August)
/// hold a 25 + … + 31 = 196 and b 70 calls, 266 in all; the 7 days before 8 September (1–7 September)
/// hold 28 + 70 = 98, and the 7 days before 9 September 35 + 70 = 105.
/// </summary>
internal static class UsageWorkspace
{
    public static async Task<DuckDbWorkspaceStore> OpenAsync()
    {
        var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);
        var events = new List<UsageEvent>();
        for (var day = new DateOnly(2026, 8, 1); day <= new DateOnly(2026, 9, 30); day = day.AddDays(1))
        {
            var noon = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            events.Add(new UsageEvent($"a{day:yyyyMMdd}", "", noon, "a", "ua", "api_call", day.Day, "count", null, null, null, null));
            events.Add(new UsageEvent($"b{day:yyyyMMdd}", "", noon, "b", "ub", "api_call", 10, "count", null, null, null, null));
        }
        var accounts = new[] { "a", "b" }.Select(a => new AccountUpsert(a, new Dictionary<AccountField, object?> { [AccountField.Segment] = "smb" }, null)).ToList();
        await store.Ingestion.WriteAsync(new IngestBatch(events, accounts, []), CancellationToken.None);
        return store;
    }
}
