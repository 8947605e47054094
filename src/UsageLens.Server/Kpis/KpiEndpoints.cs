using Microsoft.AspNetCore.Http.HttpResults;
using UsageLens.Core.Kpis;
using UsageLens.Core.Kpis.Contract;
using UsageLens.Core.Semantics;
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
    private static readonly KpiParameter s_asOf = new("as-of", "What \"now\" means for relative periods (YYYY-MM-DD); the default is today (UTC)", KpiParameterKind.Date);
    private static readonly KpiParameter s_sql = new("sql", "Also return the SQL that ran (off by default)", KpiParameterKind.Switch);
    private static readonly KpiParameter s_format = new(CsvExport.Parameter, "json (default) or csv (also with Accept: text/csv): the answer as CSV, as usagelens kpi --format csv writes it", KpiParameterKind.Text);

    /// <summary>The query parameters of <c>GET /api/v1/kpi/{name}</c>: every KPI's, then how the answer is given. Any other parameter is one of the KPI's own options.</summary>
    internal static IReadOnlyList<KpiParameter> Parameters { get; } = [.. KpiParameters.All, s_asOf, s_sql, s_format];

    public static IEndpointRouteBuilder MapKpiEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/kpi").RequireAuthorization(UsageLensPolicies.Query).WithTags("KPIs");
        group.MapGet("/", () => TypedResults.Ok(KpiCatalog.All.Select(k => k.Definition)))
            .WithSummary("Every KPI with its formula");
        group.MapGet("/{name}", ComputeAsync)
            .ProducesCallerMistakes()
            .WithSummary("Compute one KPI")
            .WithDescription("The query parameters below apply to every KPI; any other parameter is one of the KPI's own options, name=value (see GET /api/v1/kpi).")
            .AddOpenApiOperationTransformer((operation, _, _) => KpiOpenApi.DescribeAsync(operation, Parameters))
            .AddEndpointFilter(new Operations.QueryLatencyFilter("kpi", [.. KpiCatalog.All.Select(k => k.Definition.Name)]));
        return app;
    }

    private static async Task<Results<Ok<KpiResultJson>, FileContentHttpResult>> ComputeAsync(
        string name, HttpContext http, WorkspaceCatalogCache catalogs, ResultCache results, ServerOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var includeSql = KpiParameters.Switch(s_sql, Values(http.Request.Query, s_sql));
        var csv = CsvExport.Wanted(http.Request);
        var result = await ReadAsync(name, http.Request.Query, CallerScope.Of(http.User), ResultReader.Request, catalogs, results, options, clock, cancellationToken).ConfigureAwait(false);
        return csv ? CsvExport.File(KpiCatalog.Find(name).Definition.Name, w => KpiCsv.Write(w, result)) : TypedResults.Ok(KpiJson.ToJson(result, includeSql));
    }

    /// <summary>
    /// One KPI for <paramref name="caller"/>'s accounts, as <c>GET /api/v1/kpi/{name}?query</c> answers it. The same request by
    /// the same scope is computed once per commit: a dashboard's pages ask for the same KPIs on every visit.
    /// </summary>
    internal static async Task<KpiResult> ReadAsync(string name, IQueryCollection query, AccountScope caller, ResultReader by,
        WorkspaceCatalogCache catalogs, ResultCache results, ServerOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var kpi = KpiCatalog.Find(name);
        var arguments = KpiParameters.Read(p => Values(query, p), [.. query.Where(q => !IsParameter(q.Key)).SelectMany(q => q.Value.Select(v => $"{q.Key}={v}"))]);
        var context = await catalogs.KpiContextAsync(options.Configuration, cancellationToken).ConfigureAwait(false);
        var asOf = Today(KpiParameters.Value(s_asOf, Values(query, s_asOf)), clock);
        var request = arguments.Resolve(kpi.Definition, context.Model, asOf, caller);
        return await results.KpiAsync(Canonical(kpi.Definition.Name, query), asOf, request.Scope, c => kpi.ComputeAsync(request, c, CancellationToken.None), options.Configuration, cancellationToken, by).ConfigureAwait(false);
    }

    // The parameters that shape the result, sorted, so equal requests share an entry; format and sql only say how it is written out.
    private static string Canonical(string kpi, IQueryCollection query) =>
        kpi + "?" + string.Join("&", query.Where(q => !string.Equals(q.Key, s_format.Name, StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Key, s_sql.Name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(q => q.Key, StringComparer.OrdinalIgnoreCase)
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key.ToLowerInvariant())}={Uri.EscapeDataString(v ?? "")}")));

    private static IReadOnlyList<string> Values(IQueryCollection query, KpiParameter parameter) => [.. query[parameter.Name].OfType<string>()];

    private static bool IsParameter(string name) => Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static DateOnly Today(string? asOf, TimeProvider clock)
    {
        if (asOf is null)
        {
            return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        }
        return Core.Querying.CalendarDate.Parse("as-of", asOf);
    }
}
