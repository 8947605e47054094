using UsageLens.Insights.Customers;
using UsageLens.Server.Authentication;
using UsageLens.Server.Contract;
using UsageLens.Server.Kpis;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Accounts;

/// <summary>
/// <c>GET /api/v1/accounts</c>: the customer list of the caller's scope, searched, sorted and paged; a partner
/// key sees only its accounts, and <c>total</c> counts only those.
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounts").RequireAuthorization(UsageLensPolicies.Query).WithTags("Accounts");
        group.MapGet("/", ListAsync)
            .ProducesCallerMistakes()
            .WithSummary("The accounts in the caller's scope with MRR, usage, trend, health and churn risk")
            .WithDescription("Query parameters: search (account id or name), sort (name, mrr, usage, trend, health, churn_risk, partner), order (asc, desc), page, page_size (1–500), as_of (YYYY-MM-DD, default today), metric (the usage metric; default health.usage_metric, else the first metered event), format=csv (or Accept: text/csv) for every matching account as CSV.");
        group.MapGet("/{id}", ViewAsync)
            .ProducesCallerMistakes()
            .WithSummary("The customer 360 of one account: usage per feature, active users, seats, MRR history and movements, NPS answers, health, anomalies, signals, benchmark and the playbook's actions")
            .WithDescription("Query parameters: as_of (YYYY-MM-DD, default today). An account outside the caller's scope is answered 404, as an unknown one.");
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ResultCache lists, ServerOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var listQuery = AccountListQuery.Parse(query["search"].FirstOrDefault(), query["sort"].FirstOrDefault(), query["order"].FirstOrDefault(),
            query["page"].FirstOrDefault(), query["page_size"].FirstOrDefault());
        var csv = CsvExport.Wanted(http.Request);
        var list = await lists.ListAsync(AsOf(http, clock), CallerScope.Of(http.User), query["metric"].FirstOrDefault(), options.Configuration, cancellationToken).ConfigureAwait(false);
        // The export is every matching account in the asked order, not one page.
        return csv ? CsvExport.File("accounts", w => AccountListCsv.Write(w, listQuery.Matching(list))) : TypedResults.Ok(listQuery.Apply(list));
    }

    private static async Task<IResult> ViewAsync(string id, HttpContext http, ResultCache lists, WorkspaceCatalogCache catalogs, ServerOptions options, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadViewAsync(id, http, lists, catalogs, options, clock, cancellationToken).ConfigureAwait(false));

    /// <summary>The customer 360 of <paramref name="id"/> in the caller's scope, its insights from the cache.</summary>
    internal static async Task<CustomerView> ReadViewAsync(string id, HttpContext http, ResultCache lists, WorkspaceCatalogCache catalogs, ServerOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var asOf = AsOf(http, clock);
        var scope = CallerScope.Of(http.User);
        var list = await lists.ListAsync(asOf, scope, null, options.Configuration, cancellationToken).ConfigureAwait(false);
        var context = await catalogs.KpiContextAsync(options.Configuration, cancellationToken).ConfigureAwait(false);
        return await CustomerViewReader.ReadAsync(id, list, name => lists.InsightAsync(name, asOf, scope, options.Configuration, cancellationToken), context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>as_of</c> day (also read as <c>as-of</c>, as the KPI API names it), else today (UTC).</summary>
    internal static DateOnly AsOf(HttpContext http, TimeProvider clock) =>
        (http.Request.Query["as_of"].FirstOrDefault() ?? http.Request.Query["as-of"].FirstOrDefault()) is { } text
            ? Core.Querying.CalendarDate.Parse("as_of", text)
            : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
