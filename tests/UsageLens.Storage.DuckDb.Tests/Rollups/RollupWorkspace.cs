using System.Text.Json.Nodes;
using UsageLens.Core.Accounts;
using UsageLens.Core.Configuration;
using UsageLens.Core.Events;
using UsageLens.Core.Finance;
using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb.Ingestion;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Storage.DuckDb.Tests.Rollups;

/// <summary>
/// A workspace written in several batches (one of them sent twice), so the rollups hold several
/// rows per key and must ignore the retried events, queried once through the rollups and once
/// through the raw events.
/// </summary>
internal sealed class RollupWorkspace : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 15);

    public static readonly WorkspaceConfiguration Plans = new(new Dictionary<string, RatePlan>
    {
        ["basic"] = new("basic", new Dictionary<string, MeterPrice> { ["api_call"] = new(5, 0.5, TierMode.Graduated, []) }),
    });

    private readonly KpiContext _rollups;
    private readonly KpiContext _raw;

    private RollupWorkspace(DuckDbWorkspace workspace, KpiContext rollups, KpiContext raw)
    {
        Workspace = workspace;
        _rollups = rollups;
        _raw = raw;
    }

    public DuckDbWorkspace Workspace { get; }

    /// <summary>How many statements read a rollup, so a run that never used one cannot pass unnoticed.</summary>
    public int RollupStatements => _rollups.Sql.Count(s => s.Contains(" rollup_", StringComparison.Ordinal));

    public static async Task<RollupWorkspace> CreateAsync(IReadOnlyList<UsageEvent> events, int batches)
    {
        var workspace = DuckDbWorkspace.Open(":memory:");
        using (var store = new DuckDbIngestionStore(workspace))
        {
            await store.WriteAsync(new IngestBatch([], Accounts(), Users()), default);
            var size = Math.Max(1, (events.Count + batches - 1) / batches);
            var chunks = events.Chunk(size).ToList();
            foreach (var chunk in chunks)
            {
                await store.WriteAsync(new IngestBatch(chunk, [], []), default);
            }
            if (chunks.Count > 0)
            {
                await store.WriteAsync(new IngestBatch(chunks[0], [], []), default);
            }
        }
        using (var connection = workspace.OpenConnection())
        {
            foreach (var (account, at, mrr) in new[] { ("a0", "2026-08-01", 100d), ("a1", "2026-09-10", 50d), ("a0", "2026-10-05", 150d), ("a2", "2026-10-20", 80d), ("a1", "2026-11-02", 0d) })
            {
                DuckDbCommands.Execute(connection, "INSERT INTO subscriptions (account_id, effective_at, mrr, plan) VALUES ($1, $2, $3, 'basic')", account, DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture), mrr);
            }
        }
        var queries = new DuckDbQueryStore(workspace);
        var rollups = await KpiContext.CreateAsync(queries, default, Plans);
        var raw = new KpiContext(queries, rollups.Model, Plans) { Reads = EventReads.RawEvents };
        return new RollupWorkspace(workspace, rollups, raw);
    }

    /// <summary>The KPI's JSON through the rollups and through the raw events, or the error each gave.</summary>
    public async Task<(JsonNode? Rollups, JsonNode? Raw)> BothAsync(string name, KpiArguments arguments) =>
        (await OneAsync(name, arguments, _rollups), await OneAsync(name, arguments, _raw));

    /// <summary>Each account's active users and last active day in the period, through the rollups and through the raw events.</summary>
    public async Task<(IReadOnlyDictionary<string, AccountActiveUsers> Rollups, IReadOnlyDictionary<string, AccountActiveUsers> Raw)> AccountActivityBothAsync(Period period, IReadOnlyList<string> where)
    {
        var filters = where.Select(w => FilterSyntax.Parse(w, _rollups.Model)).ToList();
        return (await AccountActivity.ReadAsync(_rollups, period, AccountScope.All, filters, default), await AccountActivity.ReadAsync(_raw, period, AccountScope.All, filters, default));
    }

    public void Dispose() => Workspace.Dispose();

    private static async Task<JsonNode?> OneAsync(string name, KpiArguments arguments, KpiContext context)
    {
        try
        {
            var kpi = KpiCatalog.Find(name);
            var request = arguments.Resolve(kpi.Definition, context.Model, Today, AccountScope.All);
            return JsonNode.Parse(KpiJson.Serialize(await kpi.ComputeAsync(request, context, default)));
        }
        catch (UsageLens.Core.UsageLensException ex)
        {
            return JsonValue.Create("error: " + ex.Message);
        }
    }

    private static List<AccountUpsert> Accounts() =>
    [
        Account("a0", "enterprise", 10),
        Account("a1", "smb", 3),
        Account("a2", "smb", 5),
        Account("a3", "mid", 4),
    ];

    private static AccountUpsert Account(string id, string segment, int seats) => new(id, new Dictionary<AccountField, object?>
    {
        [AccountField.Segment] = segment,
        [AccountField.LicensedSeats] = seats,
        [AccountField.Revenue] = seats * 1000d,
    }, null);

    // u6 and u7 are only ever seen in events; u5 belongs to no account.
    private static List<UserUpsert> Users() =>
        [.. Enumerable.Range(0, 5).Select(i => new UserUpsert($"u{i}", $"a{i % 4}", null, new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc), null)), new UserUpsert("u5", null, null, null, null)];
}
