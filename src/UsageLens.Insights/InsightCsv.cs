using System.Globalization;
using UsageLens.Core.Kpis;

namespace UsageLens.Insights;

/// <summary>
/// An insight as CSV, for <c>usagelens insights --format csv</c> and the HTTP API's export: one row per finding (subject,
/// kind, score, its figures, why), or the series when there are no findings (a trend); cells escaped by <see cref="KpiCsv"/>.
/// </summary>
public static class InsightCsv
{
    public static void Write(TextWriter output, InsightResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Findings.Count == 0 && result.Series.Count > 0)
        {
            output.WriteLine(KpiCsv.Line(["period", "value"]));
            foreach (var point in result.Series)
            {
                output.WriteLine(KpiCsv.Line([point.Label, Number(point.Value)]));
            }
            return;
        }
        var names = result.Findings.SelectMany(f => f.Values.Select(v => v.Name)).Distinct(StringComparer.Ordinal).ToList();
        output.WriteLine(KpiCsv.Line(["subject", "kind", "score", .. names, "why"]));
        foreach (var finding in result.Findings)
        {
            var values = names.Select(n => finding.Values.FirstOrDefault(v => v.Name == n) is { } v ? Text(v) : null);
            output.WriteLine(KpiCsv.Line([finding.Subject, finding.Kind, Number(finding.Score), .. values, finding.Why]));
        }
    }

    /// <summary>A figure as the CSV and the CLI's table write it: its text, or its number to 4 decimals.</summary>
    public static string? Text(InsightValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Text ?? Number(value.Number);
    }

    public static string? Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);
}
