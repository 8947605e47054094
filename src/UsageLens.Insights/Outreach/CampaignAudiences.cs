using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Outreach;

/// <summary>
/// Builds the named campaign audiences from what the other rules already compute. Pure: growth and
/// seats as upsell judges them, health bands, cancellations, feature gaps and NPS.
/// </summary>
internal static class CampaignAudiences
{
    public static IReadOnlyList<CampaignAudience> Build(AccountFacts facts, IReadOnlyDictionary<string, HealthScore> health, DateOnly asOf, CampaignSettings settings)
    {
        var paying = facts.Accounts.Where(a => facts.Mrr(a) is not null).ToList();
        var customers = facts.Accounts.Where(a => facts.Subscriptions.Current(a) is { } row && (row.Mrr > 0 || row.IsTrial)).ToList();
        var audiences = new List<CampaignAudience>
        {
            new("expansion-ready", $"paying, with usage growth of at least +{HealthRules.N(settings.Growth * 100)}% (last 30 days over the 30 before) or at least {HealthRules.N(settings.Near * 100)}% of licensed seats active",
                paying.Select(a => (a, ExpansionWhy(a, facts, settings))).Where(m => m.Item2 is not null).Select(m => (m.a, m.Item2!)).ToList()),
            new("at-risk", "paying, in the at-risk band of the health score",
                paying.Where(a => health.TryGetValue(a, out var h) && h.Band == "at-risk").Select(a => (a, $"health {HealthRules.N(health[a].Score)}")).ToList()),
            new("win-back", $"paid before and cancelled (MRR 0, not a trial) in the last {settings.WinBackDays} days",
                facts.Accounts.Select(a => (a, WinBackWhy(a, facts, asOf, settings.WinBackDays))).Where(m => m.Item2 is not null).Select(m => (m.a, m.Item2!)).ToList()),
            new("promoters", $"paying, with an NPS of at least {HealthRules.N(settings.Promoter)} on the latest answer day in the last {HealthSignals.NpsLookbackDays} days",
                paying.Where(a => facts.Nps.TryGetValue(a, out var n) && n.Nps >= settings.Promoter).Select(a => (a, $"NPS {HealthRules.N(facts.Nps[a].Nps)} on {KpiSeries.Day(facts.Nps[a].Day)}")).ToList()),
        };
        var gaps = customers.ToDictionary(a => a, a => PeerFeatureGaps.Of(a, facts.Usage, facts.Accounts, s => facts.Segments.GetValueOrDefault(s), settings.PeerShare, settings.MinPeers), StringComparer.Ordinal);
        foreach (var meter in facts.Usage.Meters)
        {
            var members = customers.Select(a => (a, gaps[a].FirstOrDefault(g => g.Meter == meter))).Where(m => m.Item2 is not null)
                .Select(m => (m.a, $"{m.Item2!.Users} of {m.Item2.Peers} active segment peers use it")).ToList();
            audiences.Add(new($"non-adopters-{meter}", $"customers (paying or on a trial) that did not use {meter} in the last 30 days while at least {HealthRules.N(settings.PeerShare * 100)}% of their active segment peers (at least {settings.MinPeers}) did", members));
        }
        return audiences;
    }

    private static string? ExpansionWhy(string account, AccountFacts facts, CampaignSettings settings)
    {
        var reasons = new List<string>();
        if (UsageStanding.Growth(account, facts.Usage, null) is { } growth && growth.Growth >= settings.Growth)
        {
            reasons.Add(growth.Why);
        }
        if (facts.SeatUtilization(account) is { } seats && seats >= settings.Near)
        {
            reasons.Add($"{HealthRules.N(seats * 100)}% of licensed seats active");
        }
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private static string? WinBackWhy(string account, AccountFacts facts, DateOnly asOf, int days)
    {
        if (facts.Subscriptions.Current(account) is not { Mrr: <= 0, IsTrial: false } cancelled || cancelled.From < asOf.AddDays(-days))
        {
            return null;
        }
        var paid = facts.Subscriptions.Rows[account].LastOrDefault(r => r.Mrr > 0);
        return paid is null ? null : $"paid {HealthRules.N(paid.Mrr)} on {paid.Plan ?? "no plan"}, cancelled on {KpiSeries.Day(cancelled.From)}";
    }
}
