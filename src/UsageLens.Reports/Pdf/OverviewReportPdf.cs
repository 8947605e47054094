using UsageLens.Core.Kpis;
using UsageLens.Insights.Customers;

namespace UsageLens.Reports.Pdf;

/// <summary>
/// The overview page as a PDF report: the headline KPIs of the last 30 days with the previous 30, usage by segment
/// (bars and table), the health bands and the top accounts by usage, all from the KPI catalogue and the customer
/// list of the caller's scope, so a partner's report holds only its accounts and totals over them.
/// </summary>
public static class OverviewReportPdf
{
    private const int TopAccounts = 10;
    private static readonly string[] s_bands = ["healthy", "neutral", "at-risk"];

    public static async Task<byte[]> WriteAsync(AccountList list, KpiContext context, CancellationToken cancellationToken)
    {
        var day = list.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var scope = list.Scope.IsAll ? "all accounts" : $"partner {list.Scope.PartnerId}";
        using var report = new PdfReport("UsageLens overview", $"As of {day}, {scope}; last 30 days against the 30 before");
        report.Heading("Headline");
        var rows = new List<IReadOnlyList<string?>>();
        if (list.Metric is { } metric)
        {
            rows.Add(await HeadlineAsync($"Usage ({metric})", "usage", metric, list, context, cancellationToken).ConfigureAwait(false));
            rows.Add(await HeadlineAsync("Active accounts", "usage", $"accounts({metric})", list, context, cancellationToken).ConfigureAwait(false));
        }
        rows.Add(await HeadlineAsync("Active users (MAU)", "active-users", null, list, context, cancellationToken).ConfigureAwait(false));
        rows.Add(await HeadlineAsync("MRR", "mrr", null, list, context, cancellationToken).ConfigureAwait(false));
        report.Table(["KPI", "Last 30 days", "30 days before"], rows, [2, 1, 1]);
        if (list.Metric is { } used)
        {
            var segments = await KpiAsync("usage", used, ["segment"], list, context, cancellationToken).ConfigureAwait(false);
            var bars = (segments.Rows ?? []).Select(r => (Label: r.Keys.First(k => k.Key == "segment").Value ?? "(none)", Value: r.Value ?? 0)).ToList();
            report.Heading($"Usage of {used} by segment");
            report.BarChart(bars);
            report.Table(["Segment", "Usage"], bars.Select(b => (IReadOnlyList<string?>)[b.Label, PdfReport.Number(b.Value)]), [2, 1]);
        }
        report.Heading("Health");
        report.Table(["Band", "Accounts"], s_bands.Select(b => (IReadOnlyList<string?>)[b, list.Rows.Count(r => r.HealthBand == b).ToString(System.Globalization.CultureInfo.InvariantCulture)]), [2, 1]);
        report.Heading($"Top {TopAccounts} accounts by usage");
        var top = AccountListQuery.Parse(null, "usage", "desc", "1", TopAccounts.ToString(System.Globalization.CultureInfo.InvariantCulture)).Apply(list).Accounts;
        report.Table(["Account", "Name", "Usage 30d", "MRR", "Health"], top.Select(r => (IReadOnlyList<string?>)[r.AccountId, r.Name, PdfReport.Number(r.Usage30d), PdfReport.Number(r.Mrr), PdfReport.Number(r.HealthScore)]), [1.2, 2, 1, 1, 0.8]);
        return report.Build();
    }

    private static async Task<IReadOnlyList<string?>> HeadlineAsync(string label, string kpi, string? metric, AccountList list, KpiContext context, CancellationToken cancellationToken)
    {
        var result = await KpiAsync(kpi, metric, [], list, context, cancellationToken).ConfigureAwait(false);
        return [label, PdfReport.Number(result.Value), PdfReport.Number(result.Previous?.Value)];
    }

    private static Task<KpiResult> KpiAsync(string name, string? metric, IReadOnlyList<string> groupBy, AccountList list, KpiContext context, CancellationToken cancellationToken)
    {
        var kpi = KpiCatalog.Find(name);
        var arguments = new KpiArguments { Metric = metric, Period = "last-30-days", GroupBy = groupBy, ComparePrevious = groupBy.Count == 0 };
        return kpi.ComputeAsync(arguments.Resolve(kpi.Definition, context.Model, list.AsOf, list.Scope), context, cancellationToken);
    }
}
