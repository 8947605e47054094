using System.Text.Json;
using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis.Finance;

/// <summary>
/// Usage charges per account and period under the plan in force at the period's end (the
/// subscription's <c>plan</c>), priced by the workspace configuration's rate plans. The
/// subscription's <c>included_units</c> override the plan's allowance for its meters.
/// </summary>
internal sealed class UsageChargesKpi : IKpi
{
    public KpiDefinition Definition { get; } = new(
        "usage-charges",
        "Usage charges",
        "charge(account, meter, period) = price(usage − included) under the rate plan of the account's plan at the period's end: unit price, or graduated tiers (each unit at its tier's price) or volume tiers (all units at the total's tier); value = Σ charges",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("usage charges", "usage-charges", "overage", "overages", "usage billing", "usage revenue", "charges", "usage-based charges", "usage based charges", "overage charges")],
        MetricRole = KpiMetricRole.Measured,
        Chart = KpiChart.Table,
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var plans = context.Configuration.RatePlans;
        if (plans.Count == 0)
        {
            throw new UsageLensException("usage-charges needs rate plans: define rate_plans in the workspace configuration file (--config)");
        }
        if (request.GroupBy.Any(g => g.Source != DimensionSource.Account))
        {
            throw new UsageLensException("usage-charges can be grouped by account dimensions only, such as plan or segment");
        }
        var (charges, unpriced) = await ChargesAsync(request, context, request.Period, null, cancellationToken).ConfigureAwait(false);
        var previous = await KpiComparison.ForPreviousAsync(request, async before =>
        {
            var (earlier, earlierUnpriced) = await ChargesAsync(request, context, before, null, cancellationToken).ConfigureAwait(false);
            return new KpiOutcome(earlier.Sum(c => c.Charge), Parts(earlier, earlierUnpriced));
        }).ConfigureAwait(false);
        var detail = request.Grain is null ? charges : (await ChargesAsync(request, context, request.Period, request.Grain, cancellationToken).ConfigureAwait(false)).Charges;
        var rows = request.GroupBy.Count == 0
            ? detail.Where(c => c.Usage > 0).Select(Row).ToList()
            : await GroupedAsync(request, context, detail, cancellationToken).ConfigureAwait(false);
        return new KpiResult(Definition.Name, null, request.Period, charges.Sum(c => c.Charge), "currency", Parts(charges, unpriced))
        {
            Previous = previous,
            Rows = rows,
            Accounts = charges.Where(c => c.Charge > 0).Select(c => c.AccountId).Distinct().ToList(),
            Sql = context.Sql,
        };
    }

    private static IReadOnlyList<KpiPart> Parts(IReadOnlyList<UsageCharge> charges, int unpriced) =>
    [
        new("charges", charges.Sum(c => c.Charge)),
        new("accounts_charged", charges.Where(c => c.Charge > 0).Select(c => c.AccountId).Distinct().Count()),
        new("accounts_without_rate_plan", unpriced),
    ];

    private static KpiRow Row(UsageCharge charge)
    {
        var keys = new List<KeyValuePair<string, string?>>();
        if (charge.Period is not null)
        {
            keys.Add(new("period", charge.Period));
        }
        keys.Add(new("account_id", charge.AccountId));
        keys.Add(new("plan", charge.Plan));
        keys.Add(new("meter", charge.Meter));
        return new KpiRow(keys, charge.Charge, [new("usage", charge.Usage), new("included", charge.Included), new("billable", charge.Billable)]);
    }

    private static async Task<(IReadOnlyList<UsageCharge> Charges, int Unpriced)> ChargesAsync(KpiRequest request, KpiContext context, Period period, Sql.Grain? grain, CancellationToken cancellationToken)
    {
        var plans = context.Configuration.RatePlans;
        var meters = plans.Values.SelectMany(p => p.Meters.Keys).ToHashSet(StringComparer.Ordinal);
        var accountFilters = request.Filters.Where(f => f.Dimension.Source == DimensionSource.Account).ToList();
        var buckets = grain is { } g ? Calendar.Buckets(period, g, request.WeekStart) : [new Bucket(period.From, period)];
        var charges = new List<UsageCharge>();
        var unpriced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bucket in buckets)
        {
            var label = grain is null ? null : KpiValues.Label(bucket.Label);
            var inForce = await context.QueryAsync(FinancePlanner.PlanAt(bucket.Period.To, request.Scope, accountFilters), cancellationToken).ConfigureAwait(false);
            var usage = (await context.QueryAsync(FinancePlanner.UsageByAccountAndMeter(bucket.Period, request.Scope, request.Filters, meters, context.Reads), cancellationToken).ConfigureAwait(false))
                .ToDictionary(r => (r.GetString("account_id"), r.GetString("event")), r => r.GetDouble("value"));
            foreach (var row in inForce)
            {
                var account = row.GetString("account_id");
                if (row["plan"] is not string planName || !plans.TryGetValue(planName, out var plan))
                {
                    unpriced.Add(account);
                    continue;
                }
                var allowances = Allowances(row["included_units"] as string);
                foreach (var (meter, price) in plan.Meters)
                {
                    var used = usage.GetValueOrDefault((account, meter));
                    var included = allowances.TryGetValue(meter, out var own) ? own : price.Included;
                    charges.Add(new UsageCharge(label, account, planName, meter, used, included, price.Charge(used, included)));
                }
            }
        }
        return (charges, unpriced.Count);
    }

    private static Dictionary<string, double> Allowances(string? includedUnitsJson)
    {
        var allowances = new Dictionary<string, double>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(includedUnitsJson))
        {
            return allowances;
        }
        using var document = JsonDocument.Parse(includedUnitsJson);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                allowances[property.Name] = property.Value.GetDouble();
            }
        }
        return allowances;
    }

    private static async Task<IReadOnlyList<KpiRow>> GroupedAsync(KpiRequest request, KpiContext context, IReadOnlyList<UsageCharge> charges, CancellationToken cancellationToken)
    {
        var accountFilters = request.Filters.Where(f => f.Dimension.Source == DimensionSource.Account).ToList();
        var attributes = await context.QueryAsync(QueryPlanner.AccountAttributes(request.Scope, accountFilters, null, request.GroupBy), cancellationToken).ConfigureAwait(false);
        var groupOf = attributes.ToDictionary(r => r.GetString("account_id"), r => request.GroupBy.Select((_, i) => r.GetText(QueryPlanner.GroupColumn(i))).ToArray(), StringComparer.Ordinal);
        return charges
            .GroupBy(c => (c.Period, Group: RowKeys.Join(groupOf.GetValueOrDefault(c.AccountId) ?? new string?[request.GroupBy.Count])))
            .OrderBy(g => g.Key.Period, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
            .Select(g =>
            {
                var values = groupOf.GetValueOrDefault(g.First().AccountId) ?? new string?[request.GroupBy.Count];
                return new KpiRow(RowKeys.Of(g.Key.Period, request.GroupBy, values), g.Sum(c => c.Charge),
                    [new("accounts_charged", g.Where(c => c.Charge > 0).Select(c => c.AccountId).Distinct().Count())]);
            })
            .ToList();
    }
}
