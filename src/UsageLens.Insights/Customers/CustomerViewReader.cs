using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Configuration;
using UsageLens.Core.Insights.Contract;
using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Insights.Adoption;
using UsageLens.Insights.Anomalies;
using UsageLens.Insights.Benchmarks;
using UsageLens.Insights.Churn;
using UsageLens.Insights.Health;
using UsageLens.Insights.Signals;
using UsageLens.Insights.Upsell;

namespace UsageLens.Insights.Customers;

/// <summary>
/// Composes the <see cref="CustomerView"/> of one account: no figure is computed here. Its row and health come from
/// the <see cref="AccountList"/> of the caller's scope (an account outside it is unknown, with the same message as
/// one that does not exist); its series from the usage, active-users, seat-utilization, mrr and mrr-movements KPIs
/// filtered to it; its anomalies, signals and benchmark from those insights' findings about it, run over the whole
/// scope (a benchmark needs the account's peers), through the given insight source, so a server can cache them.
/// </summary>
public static class CustomerViewReader
{
    /// <summary>Weeks of usage and active users the 360 shows, ending before as-of.</summary>
    public const int Weeks = 13;

    /// <summary>Months of MRR history and movements the 360 shows, up to as-of.</summary>
    public const int Months = 12;

    /// <summary>The insights whose findings about the account the 360 shows or turns into recommended actions.</summary>
    public static IReadOnlyList<string> Insights { get; } =
        [AnomaliesInsight.Name, SignalsInsight.Name, BenchmarkInsight.Name, AdoptionAssistanceInsight.Name, UpsellInsight.Name];

    public static async Task<CustomerView> ReadAsync(string accountId, AccountList list, Func<string, Task<InsightResult>> insightOf, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(insightOf);
        ArgumentNullException.ThrowIfNull(context);
        var row = list.Find(accountId) ?? throw Unknown(accountId);
        var request = new InsightRequest(list.AsOf, list.Scope) { Where = [$"account_id={accountId}"] };
        var findings = new Dictionary<string, IReadOnlyList<InsightFinding>>(StringComparer.Ordinal);
        foreach (var name in Insights)
        {
            findings[name] = [.. (await insightOf(name).ConfigureAwait(false)).Findings.Where(f => f.Subject == accountId)];
        }
        var health = list.Health.GetValueOrDefault(accountId);
        var playbooks = context.Configuration.Playbooks;
        return new CustomerView
        {
            Account = row with { Traits = await TraitsAsync(accountId, list.Scope, context, cancellationToken).ConfigureAwait(false) },
            UsageByFeature = await FeaturesAsync(request, context, cancellationToken).ConfigureAwait(false),
            ActiveUsers = await ActiveUsersAsync(request, context, cancellationToken).ConfigureAwait(false),
            Seats = await SeatsAsync(request, row, context, cancellationToken).ConfigureAwait(false),
            MrrHistory = [.. (await MonthlyAsync("mrr", request, context, cancellationToken).ConfigureAwait(false)).Select(r => new MrrPoint(KpiSeries.Key(r, "period")!, r.Value))],
            MrrMovements = Movements(await MonthlyAsync("mrr-movements", request, context, cancellationToken).ConfigureAwait(false)),
            Nps = await NpsAsync(request, context, cancellationToken).ConfigureAwait(false),
            Health = health is null ? null : new HealthFigures(health.Score, health.Band, [.. health.Grades.Select(g => new HealthComponent(g.Component, g.Grade, g.Weight, g.Why))]),
            Anomalies = Json(AnomaliesInsight.Name, findings, playbooks),
            Signals = Json(SignalsInsight.Name, findings, playbooks),
            Benchmark = Json(BenchmarkInsight.Name, findings, playbooks),
            RecommendedActions = Actions(accountId, list, findings, playbooks),
        };
    }

    /// <summary>The 404 for an account the caller cannot see, worded the same whether it exists elsewhere or not.</summary>
    public static UsageLensException Unknown(string accountId) => new(UsageLensErrorKind.NotFound, $"no account '{accountId}'");

    // Every playbook signal the account carries, in the order Playbooks.Signals lists them, once each.
    private static List<RecommendedAction> Actions(string accountId, AccountList list, Dictionary<string, IReadOnlyList<InsightFinding>> findings, Playbooks playbooks)
    {
        var carried = findings.SelectMany(f => f.Value.Select(finding => AccountSignals.Of(f.Key, finding)))
            .Append(list.Churn.TryGetValue(accountId, out var churn) ? AccountSignals.Of(ChurnRiskInsight.Name, churn) : null)
            .Append(list.Health.TryGetValue(accountId, out var health) ? AccountSignals.Of(HealthInsight.Name, new InsightFinding(accountId, health.Band, health.Score, "")) : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return [.. Playbooks.Signals.Where(carried.Contains).Select(s => (Signal: s, Action: playbooks.ActionFor(s))).Where(s => s.Action is not null).Select(s => new RecommendedAction(s.Signal, s.Action!))];
    }

    private static List<InsightFindingJson> Json(string insight, Dictionary<string, IReadOnlyList<InsightFinding>> findings, Playbooks playbooks) =>
        [.. findings[insight].Select(f => InsightJson.ToJson(f) with { RecommendedAction = AccountSignals.Of(insight, f) is { } signal ? playbooks.ActionFor(signal) : null })];

    private static async Task<IReadOnlyDictionary<string, string?>> TraitsAsync(string accountId, AccountScope scope, KpiContext context, CancellationToken cancellationToken)
    {
        var traits = context.Model.Catalog.AccountTraits.Order(StringComparer.Ordinal).ToList();
        var filter = new Filter(context.Model.Dimension("account_id"), FilterOperator.In, [accountId]);
        var rows = await context.QueryAsync(QueryPlanner.AccountAttributes(scope, [filter], null, [.. traits.Select(t => context.Model.Dimension($"account.{t}"))]), cancellationToken).ConfigureAwait(false);
        var sorted = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; rows.Count > 0 && i < traits.Count; i++)
        {
            sorted[traits[i]] = rows[0].GetText(QueryPlanner.GroupColumn(i));
        }
        return sorted;
    }

    private static async Task<List<FeatureUsage>> FeaturesAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var features = new List<FeatureUsage>();
        foreach (var meter in context.Model.Catalog.MeterUnits.Keys.Order(StringComparer.Ordinal))
        {
            var result = await KpiSeries.ReadAsync("usage", Weekly(request) with { Metric = meter }, request, context, cancellationToken).ConfigureAwait(false);
            features.Add(new FeatureUsage(meter, Points(result)));
        }
        return features;
    }

    // Each week's distinct active users (the active-users KPI's calendar count per bucket).
    private static async Task<List<SeriesPoint>> ActiveUsersAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken) =>
        Points(await KpiSeries.ReadAsync("active-users", Weekly(request) with { Options = ["measure=wau", "mode=calendar"] }, request, context, cancellationToken).ConfigureAwait(false));

    private static async Task<SeatFigures> SeatsAsync(InsightRequest request, AccountListRow row, KpiContext context, CancellationToken cancellationToken)
    {
        var window = new KpiArguments { From = KpiSeries.Day(request.AsOf.AddDays(-30)), To = KpiSeries.Day(request.AsOf), Where = request.Where, ComparePrevious = false };
        var result = await KpiSeries.ReadAsync("seat-utilization", window, request, context, cancellationToken).ConfigureAwait(false);
        var seats = result.Rows?.FirstOrDefault(r => KpiSeries.Key(r, "account_id") == row.AccountId);
        return seats is null
            ? new SeatFigures(null, row.ActiveUsers30d, null)
            : new SeatFigures(Part(seats, "licensed_seats"), Part(seats, "active_users") ?? row.ActiveUsers30d, seats.Value);
    }

    private static async Task<IReadOnlyList<KpiRow>> MonthlyAsync(string kpi, InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var from = new DateOnly(request.AsOf.Year, request.AsOf.Month, 1).AddMonths(1 - Months);
        var arguments = new KpiArguments { From = KpiSeries.Day(from), To = KpiSeries.Day(request.AsOf), Grain = "month", Where = request.Where, ComparePrevious = false };
        return (await KpiSeries.ReadAsync(kpi, arguments, request, context, cancellationToken).ConfigureAwait(false)).Rows ?? [];
    }

    private static List<MrrMovement> Movements(IReadOnlyList<KpiRow> rows) =>
        [.. rows.SelectMany(r => r.Parts.Where(p => p.Name is "new" or "reactivation" or "expansion" or "contraction" or "churn" && p.Value is > 0)
            .Select(p => new MrrMovement(KpiSeries.Key(r, "period")!, p.Name, p.Value!.Value)))];

    private static async Task<List<NpsAnswer>> NpsAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var to = request.AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var period = new Period(to.AddDays(-HealthSignals.NpsLookbackDays), to);
        var filters = new KpiArguments { Where = request.Where, ComparePrevious = false }.Resolve(KpiCatalog.Find("nps").Definition, context.Model, request.AsOf, request.Scope).Filters;
        var rows = await context.QueryAsync(SurveyPlanner.Responses(period, request.Scope, filters), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new NpsAnswer(r.GetInstant("responded_at").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetString("user_id"), r.GetDouble("score"), r.GetNullableString("comment")))];
    }

    private static KpiArguments Weekly(InsightRequest request) => new()
    {
        From = KpiSeries.Day(request.AsOf.AddDays(-7 * Weeks)),
        To = KpiSeries.Day(request.AsOf),
        Grain = "week",
        Where = request.Where,
        ComparePrevious = false,
    };

    private static List<SeriesPoint> Points(KpiResult result) =>
        [.. (result.Rows ?? []).Select(r => new SeriesPoint(KpiSeries.Key(r, "period")!, r.Value))];

    private static double? Part(KpiRow row, string name) => row.Parts.FirstOrDefault(p => p.Name == name)?.Value;
}
