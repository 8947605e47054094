namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>
/// Usage charges written out plainly from docs/metrics.md: the plan in force at the period's end
/// prices each of its meters; billable = max(0, usage − included); unit price, or graduated tiers
/// (each unit at its tier's price, a tier's flat fee once reached) or volume tiers (every unit at
/// the tier the total falls in).
/// </summary>
internal static class ChargesReference
{
    public static (ExpectedKpi Overall, IReadOnlyDictionary<(string Account, string Meter), ExpectedKpi> Rows) Compute(SampleWorkspace w, Window period, Func<string?, bool> keep)
    {
        var rows = new Dictionary<(string, string), ExpectedKpi>();
        var charges = new List<(string Account, double Charge)>();
        var unpriced = 0;
        foreach (var account in w.Subscriptions.Select(s => s.Account).Distinct().Where(a => keep(a)))
        {
            var inForce = w.Subscriptions.Where(s => s.Account == account && s.EffectiveAt < period.To).OrderBy(s => s.EffectiveAt).LastOrDefault();
            if (inForce is null)
            {
                continue;
            }
            if (inForce.Plan is null || !w.RatePlans.TryGetValue(inForce.Plan, out var plan))
            {
                unpriced++;
                continue;
            }
            foreach (var (meter, price) in plan)
            {
                var usage = w.Events.Where(e => e.Account == account && e.Name == meter && period.Contains(e.At)).Sum(e => e.Quantity);
                var included = meter == "api_call" && inForce.IncludedApiCalls is { } own ? own : price.Included;
                var billable = Math.Max(0, usage - included);
                var charge = Price(price, billable);
                charges.Add((account, charge));
                if (usage > 0)
                {
                    rows[(account, meter)] = new ExpectedKpi(charge, ("usage", usage), ("included", included), ("billable", billable));
                }
            }
        }
        var overall = new ExpectedKpi(charges.Sum(c => c.Charge),
            ("charges", charges.Sum(c => c.Charge)), ("accounts_charged", charges.Where(c => c.Charge > 0).Select(c => c.Account).Distinct().Count()), ("accounts_without_rate_plan", unpriced));
        return (overall, rows);
    }

    public static double Price(SampleMeterPrice price, double billable)
    {
        if (price.Tiers.Count == 0)
        {
            return billable * price.UnitPrice;
        }
        if (billable == 0)
        {
            return 0;
        }
        if (price.Volume)
        {
            var tier = price.Tiers.First(t => t.UpTo is null || billable <= t.UpTo);
            return (billable * tier.UnitPrice) + tier.FlatFee;
        }
        var charge = 0d;
        var lower = 0d;
        foreach (var tier in price.Tiers)
        {
            var unitsInTier = Math.Min(billable, tier.UpTo ?? double.MaxValue) - lower;
            if (unitsInTier > 0)
            {
                charge += (unitsInTier * tier.UnitPrice) + tier.FlatFee;
            }
            lower = tier.UpTo ?? double.MaxValue;
        }
        return charge;
    }
}
