using System.Globalization;
using UsageLens.Core.Kpis;

namespace UsageLens.Insights.Customers;

/// <summary>The customer list as CSV: the JSON row's fields as columns, cells escaped by <see cref="KpiCsv"/>.</summary>
public static class AccountListCsv
{
    private static readonly string[] s_columns =
    [
        "account_id", "name", "segment", "plan", "region", "partner_id", "mrr", "usage_30d", "usage_prev_30d",
        "usage_trend_pct", "active_users_30d", "health_score", "health_band", "churn_risk",
    ];

    public static void Write(TextWriter output, IEnumerable<AccountListRow> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        output.WriteLine(KpiCsv.Line(s_columns));
        foreach (var r in rows)
        {
            output.WriteLine(KpiCsv.Line(
            [
                r.AccountId, r.Name, r.Segment, r.Plan, r.Region, r.PartnerId, Number(r.Mrr), Number(r.Usage30d), Number(r.UsagePrev30d),
                Number(r.UsageTrendPct), Number(r.ActiveUsers30d), Number(r.HealthScore), r.HealthBand, Number(r.ChurnRisk),
            ]));
        }
    }

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
