using UsageLens.Insights.Customers;

namespace UsageLens.Reports.Pdf;

/// <summary>The customer 360 as a PDF report: the account's figures, usage per feature and MRR as tables and bars, health, findings and actions.</summary>
public static class CustomerReportPdf
{
    public static byte[] Write(CustomerView view, string asOf)
    {
        var a = view.Account;
        using var report = new PdfReport($"Customer 360: {a.Name ?? a.AccountId}", $"Account {a.AccountId}, as of {asOf} (data before that day)");
        report.Heading("Account");
        report.Table(["Field", "Value"],
        [
            ["Segment", a.Segment], ["Plan", a.Plan], ["Region", a.Region], ["Partner", a.PartnerId],
            ["MRR", PdfReport.Number(a.Mrr)], ["Usage, last 30 days", PdfReport.Number(a.Usage30d)], ["Usage, 30 days before", PdfReport.Number(a.UsagePrev30d)],
            ["Usage trend %", PdfReport.Number(a.UsageTrendPct)], ["Active users, last 30 days", PdfReport.Number(a.ActiveUsers30d)],
            ["Seats licensed", PdfReport.Number(view.Seats.Licensed)], ["Seat utilisation %", PdfReport.Number(view.Seats.Utilisation)],
            ["Health", a.HealthScore is null ? "-" : $"{PdfReport.Number(a.HealthScore)} ({a.HealthBand})"], ["Churn risk", PdfReport.Number(a.ChurnRisk)],
            .. (a.Traits ?? new Dictionary<string, string?>()).Select(t => (IReadOnlyList<string?>)[t.Key, t.Value]),
        ], [1, 2]);
        foreach (var feature in view.UsageByFeature)
        {
            report.Heading($"Usage of {feature.Feature} by week");
            report.BarChart([.. feature.Series.Select(p => (Week(p.Period), p.Value ?? 0))]);
        }
        report.Heading("Active users by week");
        report.BarChart([.. view.ActiveUsers.Select(p => (Week(p.Period), p.Value ?? 0))]);
        report.Heading("MRR by month");
        report.Table(["Month", "MRR"], view.MrrHistory.Select(m => (IReadOnlyList<string?>)[Week(m.Period), PdfReport.Number(m.Mrr)]), [1, 1]);
        if (view.MrrMovements.Count > 0)
        {
            report.Heading("MRR movements");
            report.Table(["Month", "Kind", "Amount"], view.MrrMovements.Select(m => (IReadOnlyList<string?>)[Week(m.Date), m.Kind, PdfReport.Number(m.Amount)]), [1, 1, 1]);
        }
        if (view.Health is { } health)
        {
            report.Heading($"Health {PdfReport.Number(health.Score)} ({health.Band})");
            report.Table(["Component", "Grade", "Weight", "Why"], health.Components.Select(c => (IReadOnlyList<string?>)[c.Name, PdfReport.Number(c.Score), PdfReport.Number(c.Weight), c.Why]), [1.2, 0.6, 0.6, 3]);
        }
        if (view.Nps.Count > 0)
        {
            report.Heading("NPS answers");
            report.Table(["Date", "User", "Score", "Comment"], view.Nps.Select(n => (IReadOnlyList<string?>)[n.Date, n.UserId, PdfReport.Number(n.Score), n.Comment]), [1, 1, 0.5, 3]);
        }
        Findings(report, "Anomalies", view.Anomalies);
        Findings(report, "Signals", view.Signals);
        Findings(report, "Benchmark against its segment", view.Benchmark);
        if (view.RecommendedActions.Count > 0)
        {
            report.Heading("Recommended actions");
            foreach (var action in view.RecommendedActions)
            {
                report.Line($"{action.Signal}: {action.Action}");
            }
        }
        return report.Build();
    }

    private static void Findings(PdfReport report, string title, IReadOnlyList<Core.Insights.Contract.InsightFindingJson> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }
        report.Heading(title);
        foreach (var finding in findings)
        {
            report.Line($"{finding.Kind} (score {PdfReport.Number(finding.Score)}): {finding.Why}");
        }
    }

    // Period labels are ISO instants; the day is what a reader needs.
    private static string Week(string period) => period.Length >= 10 ? period[..10] : period;
}
