using UsageLens.Core;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.RatePlans;

/// <summary>
/// Rate-plan fit: every subscribed account's usage of the last 30 days priced on every rate plan of the
/// configuration (<see cref="PlanSimulation"/>): who over-pays (a plan would cost it less), who
/// under-pays (every other plan would cost it more), and which plan would monetise the usage best.
/// </summary>
internal sealed class RatePlanFitInsight : IInsight
{
    public const string Name = "rate-plan-fit";

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("fees", "each plan's subscription fee, plan:amount,plan:amount (rate plans price usage only; default 0)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var plans = context.Configuration.RatePlans;
        if (plans.Count == 0)
        {
            throw new UsageLensException("rate-plan-fit needs rate plans: define rate_plans in the workspace configuration file (--config)");
        }
        var fees = PlanSimulation.Fees(request.Options.GetValueOrDefault("fees"), plans);
        var history = await SubscriptionHistoryReader.ReadAsync(request, context, Name, cancellationToken).ConfigureAwait(false);
        var usage = await UsageWindowsReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        var billed = await BilledAsync(request, context, cancellationToken).ConfigureAwait(false);
        var subscribed = history.Rows.Keys.Where(a => history.Current(a) is { } row && (row.Mrr > 0 || row.IsTrial)).Order(StringComparer.Ordinal).ToList();
        var costs = subscribed.ToDictionary(a => a, a =>
        {
            var plan = history.Current(a)!.Plan;
            var priced = plan is not null && plans.ContainsKey(plan);
            return PlanSimulation.Costs(plans, fees, m => usage.Of(a, m).Recent, priced ? plan : null, priced ? billed.GetValueOrDefault(a) : null);
        }, StringComparer.Ordinal);
        var fits = subscribed.Where(a => costs[a].Any(c => c.Actual)).Select(a => (Account: a, Fit: Fit(a, costs[a]))).ToList();
        var findings = fits.Where(f => f.Fit is not null).Select(f => f.Fit!)
            .OrderByDescending(f => f.Score).ThenBy(f => f.Subject, StringComparer.Ordinal).ToList();
        var totals = plans.Keys.Order(StringComparer.Ordinal).Select(p => (Plan: p, Revenue: StableRounding.Round(subscribed.Sum(a => costs[a].Single(c => c.Plan == p).Total), 2))).ToList();
        var best = totals.OrderByDescending(t => t.Revenue).ThenBy(t => t.Plan, StringComparer.Ordinal).First();
        return new InsightResult(Name, request.AsOf, Method(fees), Summary(findings, fits.Count, subscribed.Count, best))
        {
            Figures =
            [
                InsightValue.Of("accounts_compared", fits.Count),
                InsightValue.Of("accounts_unpriced", subscribed.Count - fits.Count),
                InsightValue.Of("overpays", findings.Count(f => f.Kind == "overpays")),
                InsightValue.Of("underpays", findings.Count(f => f.Kind == "underpays")),
                InsightValue.Of("fits", fits.Count - findings.Count),
                InsightValue.Of("current_revenue", StableRounding.Round(subscribed.Sum(a => costs[a].FirstOrDefault(c => c.Actual)?.Total ?? 0), 2)),
                .. totals.Select(t => InsightValue.Of($"revenue_{t.Plan}", t.Revenue)),
                InsightValue.Of("best_plan", best.Plan),
                .. plans.Keys.Order(StringComparer.Ordinal).Select(p => InsightValue.Of($"fee_{p}", fees.GetValueOrDefault(p))),
            ],
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    private static InsightFinding? Fit(string account, IReadOnlyList<PlanCost> costs)
    {
        var current = costs.Single(c => c.Actual);
        var others = costs.Where(c => !c.Actual).OrderBy(c => c.Total).ThenBy(c => c.Plan, StringComparer.Ordinal).ToList();
        if (others.Count == 0)
        {
            return null;
        }
        var cheapest = others[0];
        var (kind, score) = StableRounding.Round(cheapest.Total, 2) < StableRounding.Round(current.Total, 2)
            ? ("overpays", current.Total - cheapest.Total)
            : StableRounding.Round(cheapest.Total, 2) > StableRounding.Round(current.Total, 2) ? ("underpays", cheapest.Total - current.Total) : ("fits", 0d);
        if (kind == "fits")
        {
            return null;
        }
        var priced = string.Join("; ", costs.Select(c => $"{c.Plan} {N(c.Total)}{(c.Fee > 0 ? $" (fee {N(c.Fee)} + usage {N(c.Charge)})" : "")}{(c.Actual ? " as billed, its plan" : "")}"));
        var why = kind == "overpays"
            ? $"on {current.Plan} its usage of the last 30 days costs {N(current.Total)}; on {cheapest.Plan} it would cost {N(cheapest.Total)}, {N(score)} less: {priced}"
            : $"on {current.Plan} its usage of the last 30 days costs {N(current.Total)}, less than on any other plan (the next cheapest, {cheapest.Plan}, {N(cheapest.Total)}, {N(score)} more): {priced}";
        return new InsightFinding(account, kind, StableRounding.Round(score, 2), why)
        {
            Values =
            [
                InsightValue.Of("plan", current.Plan),
                InsightValue.Of("cheapest_plan", kind == "overpays" ? cheapest.Plan : current.Plan),
                .. costs.Select(c => InsightValue.Of($"cost_{c.Plan}", StableRounding.Round(c.Total, 2))),
            ],
        };
    }

    /// <summary>What each account was charged for its usage over the 30 days before as-of on its own plan, from the usage-charges KPI (its own included units apply).</summary>
    private static async Task<Dictionary<string, double>> BilledAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var arguments = new KpiArguments
        {
            From = KpiSeries.Day(request.AsOf.AddDays(-UsageWindows.WindowDays)),
            To = KpiSeries.Day(request.AsOf),
            Where = request.Where,
            ComparePrevious = false,
        };
        var result = await KpiSeries.ReadAsync("usage-charges", arguments, request, context, cancellationToken).ConfigureAwait(false);
        return (result.Rows ?? []).GroupBy(r => KpiSeries.Key(r, "account_id")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Value ?? 0), StringComparer.Ordinal);
    }

    private static string Method(IReadOnlyDictionary<string, double> fees) =>
        "Each account paying or on a trial at as-of has its usage of the last 30 days priced on every rate plan of the configuration with Core's meter pricing (included units, unit price or tiers; each plan's own allowance), " +
        "its own plan as the usage-charges KPI bills it (its subscription's included_units apply). " +
        (fees.Count == 0 ? "Rate plans price usage only and no fees were given, so plans are compared on usage charges. " : $"Fees added: {string.Join(", ", fees.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {N(f.Value)}"))}. ") +
        "Overpays: another plan would cost less (score: the saving); underpays: every other plan would cost more (score: the gap to the next cheapest); otherwise it fits and is not listed. " +
        "Monetisation: the revenue each plan would bring if every account compared were on it; accounts on a plan the configuration does not price are priced on every plan but not judged.";

    private static string Summary(List<InsightFinding> findings, int compared, int subscribed, (string Plan, double Revenue) best) =>
        $"{compared} of {subscribed} subscribed accounts are on a priced plan: {findings.Count(f => f.Kind == "overpays")} would pay less on another plan, {findings.Count(f => f.Kind == "underpays")} pay less than any other plan would charge, {compared - findings.Count} fit. " +
        $"Over the last 30 days' usage, plan {best.Plan} would monetise it best: {N(best.Revenue)}.";

    private static string N(double value) => HealthRules.N(value);
}
