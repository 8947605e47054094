using Microsoft.AspNetCore.Http.HttpResults;
using UsageLens.Core.Insights.Contract;
using UsageLens.Insights;
using UsageLens.Insights.Customers;
using UsageLens.Server.Authentication;
using UsageLens.Server.Contract;
using UsageLens.Server.Kpis;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Insights;

/// <summary>
/// <c>GET /api/v1/insights</c> lists the insights computed today; <c>GET /api/v1/insights/{name}</c>
/// computes one as of <c>as-of</c> (default today) with the CLI's arguments. A partner key only ever
/// sees its own accounts: the scope comes from the key, never from the request.
/// </summary>
internal static class InsightEndpoints
{
    // Query parameters every insight takes; any other parameter is one of the insight's own options.
    private static readonly HashSet<string> s_common = new(StringComparer.OrdinalIgnoreCase)
    {
        "kpi", "metric", "by", "grain", "period", "top", "rank-by", "where", "as-of", "sql", "limit", CsvExport.Parameter,
    };

    // Parameters that leave an insight's computation as it is by default.
    private static readonly HashSet<string> s_defaultRequest = new(StringComparer.OrdinalIgnoreCase) { "as-of", "sql", "limit", CsvExport.Parameter };

    public static IEndpointRouteBuilder MapInsightEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/insights").RequireAuthorization(UsageLensPolicies.Query).WithTags("Insights");
        group.MapGet("/", () => TypedResults.Ok(InsightRegistry.All.Select(i => new { i.Definition.Name, i.Definition.Title, i.Definition.Description, i.Options })))
            .WithSummary("Every insight computed today, with its options");
        group.MapGet("/{name}", ComputeAsync)
            .ProducesCallerMistakes()
            .WithSummary("Compute one insight as of a day, from the data before it")
            .WithDescription("Query parameters: kpi, metric, by, grain, period, top, rank-by, where (repeatable), as-of, sql=true, limit (the strongest N findings, with findings_total), format=csv; any other parameter is one of the insight's own options (see GET /api/v1/insights). docs/insights.md describes each method.")
            .AddEndpointFilter(new Operations.QueryLatencyFilter("insight", [.. InsightRegistry.All.Select(i => i.Definition.Name)]));
        return app;
    }

    // Caller mistakes (unknown name 404, another partner's accounts 403, bad input 400) are thrown and
    // answered by the one CallerMistakes filter, as for the KPIs.
    private static async Task<Results<Ok<InsightResultJson>, FileContentHttpResult>> ComputeAsync(string name, HttpContext http, WorkspaceCatalogCache catalogs, ResultCache cache, ServerOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var insight = InsightRegistry.Find(name);
        var asOf = query["as-of"].FirstOrDefault() is { } text ? Core.Querying.CalendarDate.Parse("as-of", text) : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var request = new InsightRequest(asOf, CallerScope.Of(http.User))
        {
            Kpi = query["kpi"].FirstOrDefault(),
            Metric = query["metric"].FirstOrDefault(),
            Dimension = query["by"].FirstOrDefault(),
            Grain = query["grain"].FirstOrDefault(),
            Period = query["period"].FirstOrDefault(),
            Top = query["top"].FirstOrDefault(),
            RankBy = query["rank-by"].FirstOrDefault(),
            Where = [.. query["where"].OfType<string>()],
        }.WithOptions(query.Where(q => !s_common.Contains(q.Key)).SelectMany(q => q.Value.Select(v => $"{q.Key}={v}")), insight);
        var csv = CsvExport.Wanted(http.Request);
        var result = query.Keys.All(s_defaultRequest.Contains)
            // The dashboard's own requests (an insight with its defaults) share the results the customer 360
            // reads, kept until the next commit, so moving between pages computes each insight once.
            ? await cache.InsightAsync(insight.Definition.Name, asOf, request.Scope, options.Configuration, cancellationToken).ConfigureAwait(false)
            // The catalog comes from the per-workspace cache that ingestion invalidates, as for KPIs.
            : await insight.ComputeAsync(request, await catalogs.KpiContextAsync(options.Configuration, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (csv)
        {
            return CsvExport.File(insight.Definition.Name, w => InsightCsv.Write(w, result));
        }
        var includeSql = string.Equals(query["sql"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        var json = WithPlaybook(InsightJson.ToJson(includeSql ? result : result with { Sql = [] }), result, options.Configuration.Playbooks);
        return TypedResults.Ok(Limit(json, query["limit"].FirstOrDefault()));
    }

    // A page that shows the strongest few findings asks for those only: the full lists run to hundreds of kilobytes.
    private static InsightResultJson Limit(InsightResultJson json, string? limit)
    {
        if (limit is null)
        {
            return json;
        }
        if (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new Core.UsageLensException($"limit '{limit}' must be a whole number of findings, 1 or more");
        }
        return json.Findings.Count <= count ? json : json with { Findings = [.. json.Findings.Take(count)], FindingsTotal = json.Findings.Count };
    }

    // Each finding about an account carries the playbook's action for the signal it stands for, when one is configured.
    private static InsightResultJson WithPlaybook(InsightResultJson json, InsightResult result, Core.Configuration.Playbooks playbooks) =>
        json with
        {
            Findings = [.. json.Findings.Select((f, i) => AccountSignals.Of(result.Insight, result.Findings[i]) is { } signal ? f with { RecommendedAction = playbooks.ActionFor(signal) } : f)],
        };
}
