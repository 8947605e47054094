using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Signals;

/// <summary>
/// The buying signals of one account over the 30 days before as-of against the 30 before. Pure.
/// Strength is 50 at a threshold, rising linearly to 100 at twice it (seats: at the limit + 40 points);
/// each new feature adopted is worth 25, at most 50.
/// </summary>
internal static class BuyingSignalRules
{
    public static BuyingSignal? UsageGrowth(string account, AccountFacts facts, string? metric, SignalSettings settings)
    {
        if (UsageStanding.Growth(account, facts.Usage, metric) is not { } growth || growth.Growth < settings.Growth)
        {
            return null;
        }
        return new BuyingSignal("usage-growth", Rising(growth.Growth, settings.Growth), $"fast usage growth: {growth.Why} (threshold +{HealthRules.N(settings.Growth * 100)}%)");
    }

    public static BuyingSignal? SeatsNearLimit(string account, AccountFacts facts, SignalSettings settings)
    {
        if (facts.SeatUtilization(account) is not { } share || share < settings.Near)
        {
            return null;
        }
        return new BuyingSignal("seats-near-limit", Math.Min(100, 50 + (50 * (share - settings.Near) / 0.4)),
            $"seats near the limit: {HealthRules.N(facts.ActiveUsers.GetValueOrDefault(account))} users active of {HealthRules.N(facts.Seats[account].Licensed)} licensed = {HealthRules.N(share * 100)}% (from {HealthRules.N(settings.Near * 100)}%)");
    }

    /// <summary>Meters used in the last 30 days and not in the 30 before, by an account that used something then (a new account adopts everything).</summary>
    public static BuyingSignal? NewFeatures(string account, AccountFacts facts)
    {
        var usage = facts.Usage;
        if (!usage.Meters.Any(m => usage.Of(account, m).Previous > 0))
        {
            return null;
        }
        var adopted = usage.Meters.Where(m => usage.Of(account, m) is { Recent: > 0, Previous: <= 0 }).ToList();
        return adopted.Count == 0
            ? null
            : new BuyingSignal("new-features", Math.Min(50, 25 * adopted.Count), $"new features adopted in the last 30 days: {string.Join(", ", adopted.Select(m => $"{m} {HealthRules.N(usage.Of(account, m).Recent)}"))}, none in the 30 before");
    }

    public static BuyingSignal? NewUsers(string account, double recent, double previous, SignalSettings settings)
    {
        if (previous <= 0 || recent <= previous || (recent / previous) - 1 < settings.UserGrowth)
        {
            return null;
        }
        var growth = (recent / previous) - 1;
        return new BuyingSignal("new-users", Rising(growth, settings.UserGrowth),
            $"more users: {HealthRules.N(recent)} active in the last 30 days against {HealthRules.N(previous)} in the 30 before = +{HealthRules.N(growth * 100)}% (threshold +{HealthRules.N(settings.UserGrowth * 100)}%)");
    }

    private static double Rising(double value, double threshold) => Math.Min(100, 50 + (50 * (value - threshold) / threshold));
}
