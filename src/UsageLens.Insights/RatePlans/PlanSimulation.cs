using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Finance;

namespace UsageLens.Insights.RatePlans;

/// <summary>
/// Prices an account's usage on every rate plan with Core's <see cref="MeterPrice.Charge"/> (each plan's
/// own allowances), and reads the optional plan fees. Pure.
/// </summary>
internal static class PlanSimulation
{
    public static IReadOnlyList<PlanCost> Costs(IReadOnlyDictionary<string, RatePlan> plans, IReadOnlyDictionary<string, double> fees, Func<string, double> usage, string? current, double? currentCharge) =>
        plans.Values.OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name == current && currentCharge is { } billed
                ? new PlanCost(p.Name, fees.GetValueOrDefault(p.Name), billed, Actual: true)
                : new PlanCost(p.Name, fees.GetValueOrDefault(p.Name), p.Meters.Sum(m => m.Value.Charge(usage(m.Key), m.Value.Included)), Actual: false))
            .ToList();

    /// <summary>Reads <c>plan:amount,plan:amount</c>; every plan must be configured and every amount a number ≥ 0.</summary>
    public static IReadOnlyDictionary<string, double> Fees(string? text, IReadOnlyDictionary<string, RatePlan> plans)
    {
        var fees = new Dictionary<string, double>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fees;
        }
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            var plan = colon > 0 ? pair[..colon].Trim() : pair;
            if (colon <= 0 || !plans.ContainsKey(plan))
            {
                throw new UsageLensException($"option fees='{text}': '{pair}' must be plan:amount with a configured plan ({string.Join(", ", plans.Keys.Order(StringComparer.Ordinal))})");
            }
            if (!double.TryParse(pair[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var fee) || fee < 0 || !double.IsFinite(fee))
            {
                throw new UsageLensException($"option fees='{text}': the fee of {plan} must be a number ≥ 0");
            }
            fees[plan] = fee;
        }
        return fees;
    }
}
