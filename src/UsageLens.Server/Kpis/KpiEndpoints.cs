using Microsoft.AspNetCore.Http.HttpResults;
using UsageLens.Core.Kpis;
using UsageLens.Core.Kpis.Contract;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;
using UsageLens.Server.Authentication;
using UsageLens.Server.Contract;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Kpis;

/// <summary>
/// <c>GET /api/v1/kpi</c> lists the KPIs; <c>GET /api/v1/kpi/{name}</c> computes one with the same
/// options as the CLI. A partner key only ever sees its own accounts: the scope comes from the
/// key, never from the request.
/// </summary>
internal static class KpiEndpoints
{
    // Query parameters every KPI takes; any other parameter is one of the KPI's own options.
    private static readonly HashSet<string> s_common = new(StringComparer.OrdinalIgnoreCase)
    {
        "metric", "from", "to", "period", "grain", "group-by", "where", "top", "top-where", "rank-by", "variant", "as-of", "previous", "sql",
    };

    public static IEndpointRouteBuilder MapKpiEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/kpi").RequireAuthorization(UsageLensPolicies.Query).WithTags("KPIs");
        group.MapGet("/", () => TypedResults.Ok(KpiCatalog.All.Select(k => k.Definition)))
            .WithSummary("Every KPI with its formula");
        group.MapGet("/{name}", ComputeAsync)
            .ProducesCallerMistakes()
            .WithSummary("Compute one KPI")
            .WithDescription("Query parameters: metric, from, to, period, grain, group-by (repeatable), where (repeatable), top, top-where (repeatable), rank-by, variant, as-of, previous=false, sql=true; any other parameter is one of the KPI's own options (see GET /api/v1/kpi).");
        return app;
    }

    private static async Task<Ok<KpiResultJson>> ComputeAsync(
        string name, HttpContext http, IQueryStore store, WorkspaceCatalogCache catalogs, ServerOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var kpi = KpiCatalog.Find(name);
        var arguments = new KpiArguments
        {
            Metric = query["metric"].FirstOrDefault(),
            From = query["from"].FirstOrDefault(),
            To = query["to"].FirstOrDefault(),
            Period = query["period"].FirstOrDefault(),
            Grain = query["grain"].FirstOrDefault(),
            GroupBy = [.. query["group-by"].OfType<string>()],
            Where = [.. query["where"].OfType<string>()],
            Top = query["top"].FirstOrDefault(),
            TopWhere = [.. query["top-where"].OfType<string>()],
            RankBy = query["rank-by"].FirstOrDefault(),
            Variant = query["variant"].FirstOrDefault(),
            ComparePrevious = !string.Equals(query["previous"].FirstOrDefault(), "false", StringComparison.OrdinalIgnoreCase),
            Options = [.. query.Where(q => !s_common.Contains(q.Key)).SelectMany(q => q.Value.Select(v => $"{q.Key}={v}"))],
        };
        var context = new KpiContext(store, new SemanticModel(await catalogs.CatalogAsync(cancellationToken).ConfigureAwait(false)), options.Configuration);
        var request = arguments.Resolve(kpi.Definition, context.Model, Today(query["as-of"].FirstOrDefault(), clock), CallerScope.Of(http.User));
        var result = await kpi.ComputeAsync(request, context, cancellationToken).ConfigureAwait(false);
        var includeSql = string.Equals(query["sql"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        return TypedResults.Ok(KpiJson.ToJson(result, includeSql));
    }

    private static DateOnly Today(string? asOf, TimeProvider clock)
    {
        if (asOf is null)
        {
            return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        }
        return Core.Querying.CalendarDate.Parse("as-of", asOf);
    }
}
