using UsageLens.Core.Accounts;
using UsageLens.Core.Events;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb.Ingestion;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

/// <summary>A workspace built from a few readable lines, for KPI tests against real DuckDB.</summary>
internal sealed class SmallWorkspace : IDisposable
{
    private readonly List<UsageEvent> _events = [];
    private readonly List<AccountUpsert> _accounts = [];
    private readonly List<UserUpsert> _users = [];

    public DuckDbWorkspace Workspace { get; } = DuckDbWorkspace.Open(":memory:");

    public SmallWorkspace Account(string id, double revenue, string segment = "smb", string? partner = null, bool strategic = false, int? seats = null)
    {
        _accounts.Add(new AccountUpsert(id, new Dictionary<AccountField, object?>
        {
            [AccountField.Revenue] = revenue,
            [AccountField.Segment] = segment,
            [AccountField.PartnerId] = partner,
            [AccountField.Strategic] = strategic,
            [AccountField.LicensedSeats] = seats,
        }, null));
        return this;
    }

    public SmallWorkspace Subscription(string account, string effectiveAt, double mrr, string? plan = null, string? includedUnitsJson = null)
    {
        using var connection = Workspace.OpenConnection();
        DuckDbCommands.Execute(connection, "INSERT INTO subscriptions (account_id, effective_at, mrr, plan, included_units) VALUES ($1, $2, $3, $4, $5)",
            account, DateTime.Parse(effectiveAt, System.Globalization.CultureInfo.InvariantCulture), mrr, plan, includedUnitsJson);
        return this;
    }

    public SmallWorkspace Nps(string account, string day, int score, string user = "")
    {
        using var connection = Workspace.OpenConnection();
        DuckDbCommands.Execute(connection, "INSERT INTO nps (account_id, user_id, responded_at, score) VALUES ($1, $2, $3, $4)",
            account, user == "" ? $"u{Guid.NewGuid():N}" : user, DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture).AddHours(9), score);
        return this;
    }

    public SmallWorkspace Usage(string account, string day, double quantity, string @event = "api_call", string? user = null, string? product = null)
    {
        var timestamp = DateTime.SpecifyKind(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc).AddHours(12);
        _events.Add(new UsageEvent($"e{_events.Count}", "", timestamp, account, user, @event, quantity, @event == "storage_used" ? "GB" : "count", product, null, null, null));
        return this;
    }

    /// <summary>One event of a user at an exact UTC instant such as <c>2026-10-02T09:15</c>.</summary>
    public SmallWorkspace Activity(string account, string user, string instant, string @event = "api_call")
    {
        var timestamp = DateTime.SpecifyKind(DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        _events.Add(new UsageEvent($"e{_events.Count}", "", timestamp, account, user, @event, 1, "count", null, null, null, null));
        return this;
    }

    /// <summary>One event at an exact UTC instant, with any quantity and possibly no user.</summary>
    public SmallWorkspace Event(string account, string? user, DateTime timestamp, string @event, double quantity)
    {
        _events.Add(new UsageEvent($"e{_events.Count}", "", DateTime.SpecifyKind(timestamp, DateTimeKind.Utc), account, user, @event, quantity, "count", null, null, null, null));
        return this;
    }

    /// <summary>A <c>machine_state</c> event: <paramref name="machine"/> of <paramref name="account"/> enters <paramref name="state"/> at a UTC instant.</summary>
    public SmallWorkspace State(string account, string machine, string instant, string state)
    {
        var timestamp = DateTime.SpecifyKind(DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var properties = System.Text.Json.JsonSerializer.Serialize(new { machine_id = machine, state });
        _events.Add(new UsageEvent($"e{_events.Count}", "", timestamp, account, null, "machine_state", 1, "state", null, null, properties, null));
        return this;
    }

    /// <summary>A machine's figure at a UTC instant, such as its <c>units_produced</c>, with the machine as a property.</summary>
    public SmallWorkspace Reading(string account, string machine, string instant, string @event, double quantity)
    {
        var timestamp = DateTime.SpecifyKind(DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var properties = System.Text.Json.JsonSerializer.Serialize(new { machine_id = machine });
        _events.Add(new UsageEvent($"e{_events.Count}", "", timestamp, account, null, @event, quantity, "units", null, null, properties, null));
        return this;
    }

    public SmallWorkspace User(string id, string? account, string? createdAt = null)
    {
        var created = createdAt is null ? (DateTime?)null : DateTime.SpecifyKind(DateTime.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        _users.Add(new UserUpsert(id, account, null, created, null));
        return this;
    }

    /// <summary>Writes the events, accounts and users added so far through the ingestion store.</summary>
    public async Task FlushAsync()
    {
        if (_events.Count + _accounts.Count + _users.Count > 0)
        {
            using var store = new DuckDbIngestionStore(Workspace);
            await store.WriteAsync(new IngestBatch(_events.ToList(), _accounts.ToList(), _users.ToList()), default);
            _events.Clear();
            _accounts.Clear();
            _users.Clear();
        }
    }

    public async Task<KpiResult> KpiAsync(string name, KpiArguments arguments, AccountScope? scope = null, UsageLens.Core.Configuration.WorkspaceConfiguration? configuration = null)
    {
        await FlushAsync();
        var context = await KpiContext.CreateAsync(new DuckDbQueryStore(Workspace), default, configuration);
        var kpi = KpiCatalog.Find(name);
        var request = arguments.Resolve(kpi.Definition, context.Model, new DateOnly(2026, 11, 15), scope ?? AccountScope.All);
        return await kpi.ComputeAsync(request, context, default);
    }

    public void Dispose() => Workspace.Dispose();
}
