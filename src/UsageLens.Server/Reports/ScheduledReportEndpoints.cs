using System.Text.Json;
using UsageLens.Core.Configuration.Reports;
using UsageLens.Core.Reports;
using UsageLens.Core.Storage;
using UsageLens.Reports;
using UsageLens.Server.Authentication;
using UsageLens.Server.Kpis;

namespace UsageLens.Server.Reports;

/// <summary>
/// <c>GET /api/v1/reports</c>: the scheduled reports with their next run and last run. Admins, analysts and viewers see
/// every report; a partner only the reports scoped to its partner. Folder paths and webhook URLs are not shown.
/// </summary>
internal static class ScheduledReportEndpoints
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IEndpointRouteBuilder MapScheduledReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports", ListAsync).RequireAuthorization(UsageLensPolicies.Query).WithTags("Reports")
            .WithSummary("The scheduled reports (configuration reports:) with their schedule, next run and last run; a partner sees only its own");
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ServerOptions options, IWorkspaceStore workspace, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = CallerScope.Of(http.User);
        var visible = options.Configuration.Reports.Where(r => scope.IsAll || r.Partner == scope.PartnerId).ToList();
        var runs = visible.Count == 0 ? [] : await workspace.ReportRuns.ListAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        return TypedResults.Json(new { Reports = visible.Select(r => Report(r, runs.LastOrDefault(run => run.Report == r.Name), now)) }, s_json);
    }

    private static object Report(ScheduledReport report, ReportRun? last, DateTimeOffset now) => new
    {
        report.Name,
        Kind = report.KindName,
        report.Schedule,
        TimeZone = report.TimeZone.Id,
        PartnerId = report.Partner,
        report.Subject,
        report.Enabled,
        NextRun = report.Enabled ? ReportSchedule.Next(report, now) : null,
        Deliver = (string[])[.. report.Folder is null ? [] : new[] { FolderDelivery.Target }, .. report.Webhook is null ? [] : new[] { ReportWebhook.Target }],
        LastRun = last is null ? null : new
        {
            last.RanAt,
            AsOf = last.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            last.Status,
            last.FileName,
            last.Error,
            Deliveries = last.Deliveries.Select(d => new { d.Target, d.Status, d.Attempts, d.Error }),
        },
    };
}
