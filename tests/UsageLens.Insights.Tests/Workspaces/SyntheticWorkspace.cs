using System.Globalization;
using UsageLens.Core.Events;
using UsageLens.Core.Kpis;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Insights.Tests.Workspaces;

/// <summary>
/// Three accounts' daily api_call events from March to September 2026, with a spike, an outage and a
/// growing account, written through the ingestion port into an in-memory DuckDB workspace.
/// </summary>
internal static class SyntheticWorkspace
{
    public static readonly DateOnly First = new(2026, 3, 1);
    public static readonly DateOnly Last = new(2026, 9, 30);

    public static IReadOnlyList<UsageEvent> Events()
    {
        var events = new List<UsageEvent>();
        var random = new Random(5);
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var months = ((day.Year - First.Year) * 12) + day.Month - First.Month;
            Add(day, "acct-steady", (weekend ? 120 : 400) * (0.9 + (0.2 * random.NextDouble())));
            Add(day, "acct-growing", (weekend ? 30 : 100) * (1 + (0.25 * months)) * (0.9 + (0.2 * random.NextDouble())));
            Add(day, "acct-small", random.NextDouble() < 0.4 ? 0 : 3);
        }
        // A spike and an outage before 1 September, and a spike after it that must never be seen as of then.
        Scale(new DateOnly(2026, 7, 15), "acct-steady", 10);
        Scale(new DateOnly(2026, 8, 12), "acct-growing", 0);
        Scale(new DateOnly(2026, 9, 9), "acct-steady", 20);
        return events;

        void Add(DateOnly day, string account, double quantity)
        {
            if (quantity > 0)
            {
                var id = $"{account}-{day:yyyyMMdd}";
                events.Add(new UsageEvent(id, "", day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), account, null, "api_call", Math.Round(quantity), "calls", null, null, null, null));
            }
        }

        void Scale(DateOnly day, string account, double factor)
        {
            var index = events.FindIndex(e => e.AccountId == account && DateOnly.FromDateTime(e.Timestamp) == day);
            if (factor == 0)
            {
                events.RemoveAt(index);
            }
            else
            {
                events[index] = events[index] with { Quantity = events[index].Quantity * factor };
            }
        }
    }

    public static async Task<DuckDbWorkspaceStore> OpenAsync(IReadOnlyList<UsageEvent> events)
    {
        var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);
        await store.Ingestion.WriteAsync(IngestBatch.OfEvents(events), CancellationToken.None);
        return store;
    }

    public static async Task<InsightResult> ComputeAsync(IWorkspaceStore store, string insight, InsightRequest request)
    {
        var context = await KpiContext.CreateAsync(store.Queries, CancellationToken.None);
        return await InsightRegistry.Find(insight).ComputeAsync(request, context, CancellationToken.None);
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
