using UsageLens.Reports.Pdf;
using UsageLens.Server.Accounts;
using UsageLens.Server.Authentication;
using UsageLens.Server.Contract;
using UsageLens.Server.Kpis;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Reports;

/// <summary>
/// The PDF reports: <c>GET /api/v1/accounts/{id}/report.pdf</c> (the customer 360) and
/// <c>GET /api/v1/reports/overview.pdf</c> (the overview page), each for the caller's scope and <c>as_of</c>.
/// </summary>
internal static class ReportEndpoints
{
    private const string Pdf = "application/pdf";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/accounts/{id}/report.pdf", CustomerAsync).RequireAuthorization(UsageLensPolicies.Query).WithTags("Reports")
            .ProducesCallerMistakes()
            .WithSummary("The customer 360 of one account as a PDF report (as_of=YYYY-MM-DD, default today)");
        app.MapGet("/api/v1/reports/overview.pdf", OverviewAsync).RequireAuthorization(UsageLensPolicies.Query).WithTags("Reports")
            .ProducesCallerMistakes()
            .WithSummary("The overview page as a PDF report (as_of=YYYY-MM-DD, default today)");
        return app;
    }

    private static async Task<IResult> CustomerAsync(string id, HttpContext http, ResultCache lists, WorkspaceCatalogCache catalogs, ServerOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var view = await AccountEndpoints.ReadViewAsync(id, http, lists, catalogs, options, clock, cancellationToken).ConfigureAwait(false);
        var asOf = AccountEndpoints.AsOf(http, clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(CustomerReportPdf.Write(view, asOf), Pdf, $"customer-{asOf}.pdf");
    }

    private static async Task<IResult> OverviewAsync(HttpContext http, ResultCache lists, WorkspaceCatalogCache catalogs, ServerOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var asOf = AccountEndpoints.AsOf(http, clock);
        var list = await lists.ListAsync(asOf, CallerScope.Of(http.User), null, options.Configuration, cancellationToken).ConfigureAwait(false);
        var context = await catalogs.KpiContextAsync(options.Configuration, cancellationToken).ConfigureAwait(false);
        var pdf = await OverviewReportPdf.WriteAsync(list, context, cancellationToken).ConfigureAwait(false);
        return TypedResults.File(pdf, Pdf, $"overview-{asOf:yyyy-MM-dd}.pdf");
    }
}
