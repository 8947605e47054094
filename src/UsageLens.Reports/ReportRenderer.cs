using System.Globalization;
using System.Text;
using UsageLens.Core;
using UsageLens.Core.Configuration.Reports;
using UsageLens.Core.Keys;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Insights;
using UsageLens.Insights.Customers;
using UsageLens.Reports.Pdf;

namespace UsageLens.Reports;

/// <summary>
/// The one place a scheduled report is rendered, through the same renderers as the HTTP exports: the overview and
/// customer 360 PDFs, <see cref="KpiCsv"/> and <see cref="InsightCsv"/>. The report's partner becomes an
/// <see cref="AccountScope"/> exactly as a partner caller's does, so the planner restricts every statement to it.
/// </summary>
public static class ReportRenderer
{
    /// <summary>The accounts a report covers: its partner's (with personal data masked when the privacy settings mask it for partners), else all.</summary>
    public static AccountScope Scope(ScheduledReport report, Core.Configuration.PrivacySettings privacy)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(privacy);
        if (report.Partner is not { } partner)
        {
            return AccountScope.All;
        }
        var scope = AccountScope.Partner(partner);
        return privacy.Masks(ApiKeyRole.Partner) ? scope.MaskingPii(privacy.PiiTraits) : scope;
    }

    /// <summary>Renders <paramref name="report"/> as of <paramref name="asOf"/> (data before that day).</summary>
    /// <exception cref="UsageLensException">The report names what the workspace lacks (an account, a metric, ...).</exception>
    public static async Task<ReportFile> RenderAsync(ScheduledReport report, DateOnly asOf, DateTimeOffset now, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        var scope = Scope(report, context.Configuration.Privacy);
        var content = report.Kind switch
        {
            ReportKind.Overview => await OverviewAsync(asOf, scope, context, cancellationToken).ConfigureAwait(false),
            ReportKind.Customer => await CustomerAsync(report.Account!, asOf, scope, context, cancellationToken).ConfigureAwait(false),
            ReportKind.Kpi => await KpiAsync(report, asOf, scope, context, cancellationToken).ConfigureAwait(false),
            _ => await InsightAsync(report, asOf, scope, context, cancellationToken).ConfigureAwait(false),
        };
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return new ReportFile($"{report.Name}-{stamp}Z.{report.Extension}", report.ContentType, content, report.Subject, asOf, now);
    }

    private static async Task<byte[]> OverviewAsync(DateOnly asOf, AccountScope scope, KpiContext context, CancellationToken cancellationToken)
    {
        var list = await AccountListReader.ReadAsync(asOf, scope, null, context, cancellationToken).ConfigureAwait(false);
        return await OverviewReportPdf.WriteAsync(list, context, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]> CustomerAsync(string account, DateOnly asOf, AccountScope scope, KpiContext context, CancellationToken cancellationToken)
    {
        var list = await AccountListReader.ReadAsync(asOf, scope, null, context, cancellationToken).ConfigureAwait(false);
        var view = await CustomerViewReader.ReadAsync(account, list,
            name => InsightRegistry.Find(name).ComputeAsync(new InsightRequest(asOf, scope), context, cancellationToken), context, cancellationToken).ConfigureAwait(false);
        return CustomerReportPdf.Write(view, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static async Task<byte[]> KpiAsync(ScheduledReport report, DateOnly asOf, AccountScope scope, KpiContext context, CancellationToken cancellationToken)
    {
        var kpi = KpiCatalog.Find(report.Kpi!);
        var result = await kpi.ComputeAsync(report.KpiArguments.Resolve(kpi.Definition, context.Model, asOf, scope), context, cancellationToken).ConfigureAwait(false);
        return Csv(w => KpiCsv.Write(w, result));
    }

    private static async Task<byte[]> InsightAsync(ScheduledReport report, DateOnly asOf, AccountScope scope, KpiContext context, CancellationToken cancellationToken)
    {
        var insight = InsightRegistry.Find(report.Insight!);
        var arguments = report.InsightArguments;
        var request = new InsightRequest(asOf, scope)
        {
            Kpi = arguments.GetValueOrDefault("kpi"),
            Metric = arguments.GetValueOrDefault("metric"),
            Dimension = arguments.GetValueOrDefault("by"),
            Grain = arguments.GetValueOrDefault("grain"),
            Period = arguments.GetValueOrDefault("period"),
            Where = report.InsightWhere,
        }.WithOptions(report.InsightOptions, insight);
        var result = await insight.ComputeAsync(request, context, cancellationToken).ConfigureAwait(false);
        return Csv(w => InsightCsv.Write(w, result));
    }

    // As the HTTP exports write it: UTF-8 without a byte order mark, the platform's line ends.
    private static byte[] Csv(Action<TextWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        write(text);
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
