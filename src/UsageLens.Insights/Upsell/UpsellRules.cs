using System.Globalization;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Upsell;

/// <summary>
/// The upsell and cross-sell signals of one account. Pure. Strength is 50 at the threshold, rising
/// linearly to 100 (a limit at near + 40 points, growth at twice the threshold); cross-sell is worth
/// half the share of peers using the feature, so it never outranks a limit reached.
/// </summary>
internal static class UpsellRules
{
    public const double LimitSpan = 0.4;

    public static UpsellSignal? PlanLimit(IReadOnlyList<PlanUsage> usages, UpsellSettings settings)
    {
        var near = usages.Where(u => u.Included > 0 && u.Usage / u.Included >= settings.Near)
            .OrderByDescending(u => u.Usage / u.Included).ThenBy(u => u.Meter, StringComparer.Ordinal).ToList();
        if (near.Count == 0)
        {
            return null;
        }
        var strength = LimitStrength(near[0].Usage / near[0].Included, settings.Near);
        var evidence = near.Select(u => $"{u.Meter} {N(u.Usage)} of {N(u.Included)} included in plan {u.Plan} = {N(u.Usage / u.Included * 100)}% ({(u.Usage > u.Included ? "over" : "near")} the limit)");
        return new UpsellSignal("plan-limit", strength, $"plan limit in the last 30 days: {string.Join(", ", evidence)}");
    }

    public static UpsellSignal? Seats(SeatCount? seats, UpsellSettings settings)
    {
        if (seats is not { Licensed: > 0 } count || count.Active / count.Licensed < settings.Near)
        {
            return null;
        }
        var share = count.Active / count.Licensed;
        return new UpsellSignal("seats", LimitStrength(share, settings.Near),
            $"seats: {N(count.Active)} users active in the last 30 days on {N(count.Licensed)} licensed seats = {N(share * 100)}% ({(share > 1 ? "over" : "near")} the limit of {N(settings.Near * 100)}%)");
    }

    public static UpsellSignal? Growth(UsageWindows usage, string account, string? metric, UpsellSettings settings)
    {
        var meters = metric is null ? usage.Meters : [metric];
        var compared = meters.Select(m => (Meter: m, Windows: usage.Of(account, m))).Where(w => w.Windows.Previous > 0).ToList();
        if (compared.Count == 0)
        {
            return null;
        }
        var growth = compared.Average(w => w.Windows.Recent / w.Windows.Previous) - 1;
        if (growth < settings.Growth)
        {
            return null;
        }
        var strength = Math.Min(100, 50 + (50 * (growth - settings.Growth) / settings.Growth));
        var evidence = string.Join(", ", compared.Select(w => $"{w.Meter} {N(w.Windows.Recent)} against {N(w.Windows.Previous)}"));
        return new UpsellSignal("growth", strength, $"growth: usage of the last 30 days over the 30 before, mean of {compared.Count} meter ratios ({evidence}) = +{N(growth * 100)}% (threshold +{N(settings.Growth * 100)}%)");
    }

    /// <summary>Features at least the peer share of the other active accounts of the segment used in the last 30 days, and this account did not.</summary>
    public static UpsellSignal? PeerAdoption(UsageWindows usage, string account, UpsellSettings settings)
    {
        if (!usage.Segments.TryGetValue(account, out var segment) || segment is null)
        {
            return null;
        }
        var peers = usage.Usage.Keys
            .Where(a => a != account && usage.Segments.GetValueOrDefault(a) == segment && usage.UsedRecently(a).Count > 0)
            .ToList();
        if (peers.Count < settings.MinPeers)
        {
            return null;
        }
        var used = usage.UsedRecently(account).ToHashSet(StringComparer.Ordinal);
        var gaps = usage.Meters
            .Where(m => !used.Contains(m))
            .Select(m => (Meter: m, Users: peers.Count(p => usage.Of(p, m).Recent > 0)))
            .Where(g => g.Users >= settings.PeerShare * peers.Count)
            .OrderByDescending(g => g.Users).ThenBy(g => g.Meter, StringComparer.Ordinal)
            .ToList();
        if (gaps.Count == 0)
        {
            return null;
        }
        var evidence = gaps.Select(g => $"{g.Meter} used by {g.Users} of {peers.Count} other {segment} accounts ({N(g.Users * 100d / peers.Count)}%)");
        return new UpsellSignal("peer-adoption", 50d * gaps[0].Users / peers.Count, $"cross-sell: not used in the last 30 days but {string.Join("; ", evidence)}");
    }

    private static double LimitStrength(double share, double near) => Math.Min(100, 50 + (50 * (share - near) / LimitSpan));

    internal static string N(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);
}
