using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Churn;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Customers;

/// <summary>
/// Reads the <see cref="AccountList"/> of a scope set-based: one statement for the accounts' CRM fields, the
/// <c>usage</c> KPI by account for the two windows, <see cref="ActiveUsersReader"/>, the health insight's
/// signals and scorer (which also give the MRR in force) and the churn-risk insight, each for every account
/// at once, so the number of statements does not grow with the number of accounts.
/// </summary>
public static class AccountListReader
{
    private static readonly string[] s_fields = ["name", "segment", "plan", "region", "partner_id"];

    /// <summary>
    /// The usage metric of the list: <paramref name="metric"/> when given, else the configuration's
    /// <c>health.usage_metric</c>, else the workspace's first metered event by name.
    /// </summary>
    public static string? MetricOf(string? metric, KpiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return metric ?? context.Configuration.Health.UsageMetric ?? context.Model.Catalog.MeterUnits.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
    }

    public static async Task<AccountList> ReadAsync(DateOnly asOf, AccountScope scope, string? metric, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = new InsightRequest(asOf, scope);
        var usageMetric = MetricOf(metric, context);
        var attributes = await context.QueryAsync(QueryPlanner.AccountAttributes(scope, [], null, [.. s_fields.Select(context.Model.Dimension)]), cancellationToken).ConfigureAwait(false);
        var usage = usageMetric is null ? null : await UsageWindowsReader.ReadAsync(request, context, [usageMetric], UsageWindows.WindowDays, cancellationToken).ConfigureAwait(false);
        var active = await ActiveUsersReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        var signals = await HealthSignalsReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        var settings = context.Configuration.Health;
        var health = HealthScorer.Score(signals, settings, settings.UsageMetric).ToDictionary(h => h.Account, StringComparer.Ordinal);
        var churn = (await InsightRegistry.Find(ChurnRiskInsight.Name).ComputeAsync(request, context, cancellationToken).ConfigureAwait(false))
            .Findings.ToDictionary(f => f.Subject, StringComparer.Ordinal);
        var rows = attributes.Select(a =>
        {
            var id = a.GetString("account_id");
            var windows = usage is null ? default : usage.Of(id, usageMetric!);
            return new AccountListRow
            {
                AccountId = id,
                Name = a.GetText(QueryPlanner.GroupColumn(0)),
                Segment = a.GetText(QueryPlanner.GroupColumn(1)),
                Plan = a.GetText(QueryPlanner.GroupColumn(2)),
                Region = a.GetText(QueryPlanner.GroupColumn(3)),
                PartnerId = a.GetText(QueryPlanner.GroupColumn(4)),
                Mrr = signals.MrrNow.TryGetValue(id, out var mrr) ? mrr : null,
                Usage30d = windows.Recent,
                UsagePrev30d = windows.Previous,
                UsageTrendPct = windows.Previous > 0 ? StableRounding.Round((windows.Recent - windows.Previous) / windows.Previous * 100, 1) : null,
                ActiveUsers30d = active.GetValueOrDefault(id),
                HealthScore = health.TryGetValue(id, out var score) ? score.Score : null,
                HealthBand = score?.Band,
                ChurnRisk = churn.TryGetValue(id, out var risk) ? risk.Score : null,
            };
        }).ToList();
        return new AccountList(asOf, scope, usageMetric, rows, health, churn);
    }
}
