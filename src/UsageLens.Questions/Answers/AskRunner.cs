using System.Globalization;
using UsageLens.Core.Configuration;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;
using UsageLens.Insights;

namespace UsageLens.Questions.Answers;

/// <summary>
/// Runs a question's asks through the same path as <c>usagelens kpi</c> and <c>GET /api/v1/kpi/{name}</c>:
/// <see cref="KpiArguments"/> resolved against the semantic model, then the catalogue's KPI. Question
/// text never reaches SQL: only the resolved request does, whose values the planner binds.
/// </summary>
public sealed class AskRunner(IQueryStore store, SemanticModel model, WorkspaceConfiguration configuration, AccountScope scope, DateOnly today, DayOfWeek weekStart = DayOfWeek.Monday)
{
    public async Task<AskAnswer> RunAsync(StructuredQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var outcomes = new List<AskOutcome>();
        foreach (var ask in query.Asks)
        {
            outcomes.Add(await RunAsync(ask, cancellationToken).ConfigureAwait(false));
        }
        return new AskAnswer(query, outcomes, Chart(query.Asks));
    }

    private async Task<AskOutcome> RunAsync(QueryAsk ask, CancellationToken cancellationToken)
    {
        if (ask.Insight is { } insight)
        {
            return await InsightAsync(ask, insight, cancellationToken).ConfigureAwait(false);
        }
        var kpi = KpiCatalog.Find(ask.Kpi!);
        var result = await ComputeAsync(kpi, ask, Arguments(ask, ask.From, ask.To), cancellationToken).ConfigureAwait(false);
        KpiResult? compared = null;
        if (ask.CompareFrom is { } from && ask.CompareTo is { } to)
        {
            compared = await ComputeAsync(kpi, ask, Arguments(ask, from, to), cancellationToken).ConfigureAwait(false);
        }
        return new AskOutcome(ask, result, compared, null);
    }

    // An insight asked in words runs as `usagelens insights` would with the ask's metric, filters and
    // as-of (the end of its period); a period's start keeps only findings from it on, where the insight
    // takes a start (anomalies). The caller's scope goes with it, so a partner sees only its accounts.
    private async Task<AskOutcome> InsightAsync(QueryAsk ask, string name, CancellationToken cancellationToken)
    {
        if (InsightRegistry.All.FirstOrDefault(i => i.Definition.Name == name) is not { } insight)
        {
            var computed = string.Join(", ", InsightRegistry.All.Select(i => i.Definition.Name));
            return new AskOutcome(ask, null, null, $"'{name}' is understood but not computed yet; the insights computed today are {computed}");
        }
        var options = ask.From is { } from && insight.Options.Any(o => o.Name == FromOption)
            ? [$"{FromOption}={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"]
            : Array.Empty<string>();
        var request = new InsightRequest(ask.To ?? ask.AsOf ?? today, scope) { Metric = ask.Metric, Where = ask.Where }.WithOptions(options, insight);
        if (ask.Kpi is not null)
        {
            request = SeriesRequest(request, ask);
        }
        var result = await insight.ComputeAsync(request, new KpiContext(store, model, configuration), cancellationToken).ConfigureAwait(false);
        return new AskOutcome(ask, null, null, null) { Insight = result };
    }

    private const string FromOption = "from";

    // A trend or comparison asked in words follows the ask's KPI over exactly the period asked: the
    // days from its start up to the as-of day (its end), as `--period last-N-days` would give them.
    private static InsightRequest SeriesRequest(InsightRequest request, QueryAsk ask) => request with
    {
        Kpi = ask.Kpi,
        Dimension = ask.GroupBy.Count == 0 ? null : ask.GroupBy[0],
        Grain = ask.Grain,
        Period = ask.From is { } from && ask.To is { } to ? $"last-{to.DayNumber - from.DayNumber}-days" : null,
        KpiOptions = ask.Options,
        Top = ask.Top,
        RankBy = ask.RankBy,
    };

    /// <summary>
    /// Resolves an ask against the semantic model exactly as the KPI endpoints resolve their options,
    /// without running it: an unknown metric, dimension, value syntax or option fails here. Null for an insight.
    /// </summary>
    public KpiRequest? Plan(QueryAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        return ask.Insight is not null ? null : Resolve(KpiCatalog.Find(ask.Kpi ?? throw new Core.UsageLensException("an ask names a kpi or an insight")), Arguments(ask, ask.From, ask.To));
    }

    private KpiRequest Resolve(IKpi kpi, KpiArguments arguments) =>
        arguments.Resolve(kpi.Definition, model, today, scope) with { WeekStart = weekStart };

    private async Task<KpiResult> ComputeAsync(IKpi kpi, QueryAsk ask, KpiArguments arguments, CancellationToken cancellationToken)
    {
        var request = Resolve(kpi, arguments);
        // A fresh context per request, so each result lists only the SQL it ran.
        var context = new KpiContext(store, model, configuration);
        var result = await kpi.ComputeAsync(request, context, cancellationToken).ConfigureAwait(false);
        return ask.IsAccountList ? Cut(result, ask) : result;
    }

    private static KpiArguments Arguments(QueryAsk ask, DateOnly? from, DateOnly? to) => new()
    {
        Metric = ask.Metric,
        From = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        To = to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Grain = ask.Grain,
        GroupBy = ask.GroupBy,
        Where = ask.Where,
        Top = ask.IsAccountList ? null : ask.Top,
        TopWhere = ask.TopWhere,
        RankBy = ask.RankBy,
        Variant = ask.Variant,
        Options = ask.Options,
        ComparePrevious = ask.CompareFrom is null,
    };

    // "top 10 customers by storage used": the per-account rows, heaviest (or lightest) first, cut to N.
    private static KpiResult Cut(KpiResult result, QueryAsk ask)
    {
        var count = int.Parse(ask.Top ?? ask.Bottom!, NumberStyles.None, CultureInfo.InvariantCulture);
        var rows = result.Rows ?? [];
        var ordered = ask.Bottom is not null
            ? rows.OrderBy(r => r.Value ?? double.MaxValue).ThenBy(Account, StringComparer.Ordinal)
            : rows.OrderByDescending(r => r.Value ?? double.MinValue).ThenBy(Account, StringComparer.Ordinal);
        var kept = ordered.Take(count).ToList();
        return result with { Rows = kept, Accounts = [.. kept.Select(Account)] };
    }

    private static string Account(KpiRow row) => row.Keys.FirstOrDefault(k => k.Key == "account_id").Value ?? "";

    internal static ChartKind Chart(IReadOnlyList<QueryAsk> asks)
    {
        var kpis = asks.Where(a => a.Kpi is not null).ToList();
        if (kpis.Count == 0)
        {
            return ChartKind.None;
        }
        if (kpis.Any(a => a.Grain is not null))
        {
            return ChartKind.Line;
        }
        if (kpis.Any(a => a.IsAccountList))
        {
            return ChartKind.Table;
        }
        // Bars compare like with like: one KPI over several values ("enterprise vs smb"), a breakdown
        // or two periods. Different KPIs side by side (a total and a share) are separate numbers.
        var sameMeasure = kpis.Count > 1 && kpis.All(a => a.Kpi == kpis[0].Kpi && a.Metric == kpis[0].Metric);
        if (sameMeasure || kpis.Any(a => a.GroupBy.Count > 0 || a.CompareFrom is not null))
        {
            return ChartKind.Bar;
        }
        // One KPI over one period is drawn as its catalogue says: a number, or its rows (retention's cohorts).
        return kpis.Count == 1 ? Chart(KpiCatalog.Find(kpis[0].Kpi!).Definition.Chart) : ChartKind.Number;
    }

    private static ChartKind Chart(KpiChart chart) => chart switch
    {
        KpiChart.Line => ChartKind.Line,
        KpiChart.Bar => ChartKind.Bar,
        KpiChart.Table => ChartKind.Table,
        _ => ChartKind.Number,
    };
}
