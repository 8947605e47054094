using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Adoption;

/// <summary>
/// Customers that need adoption help: paying or trial accounts using few features for their segment or
/// few of their licensed seats (<see cref="AdoptionRules"/>), each with the features its peers use that it does not.
/// </summary>
internal sealed class AdoptionAssistanceInsight : IInsight
{
    public const string Name = "adoption-assistance";

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("breadth", "share of the segment peers' median feature breadth below which breadth is low (0–1, default 0.5)"),
        new("seats", "seat utilisation below which seats are under-used (0–1, default 0.5)"),
        new("peer-share", "share of the active peers using a feature for it to be named as missing (0–1, default 0.5)"),
        new("min-peers", "fewest active segment peers to compare breadth and features with (1–100000, default 3)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var breadth = request.NumberOption("breadth", 0.5, 0, 1);
        var seats = request.NumberOption("seats", 0.5, 0, 1);
        var share = request.NumberOption("peer-share", 0.5, 0, 1);
        var minPeers = request.IntOption("min-peers", 3, 1, 100_000);
        var facts = await AccountFactsReader.ReadAsync(request, context, Name, cancellationToken).ConfigureAwait(false);
        var customers = facts.Accounts.Where(a => facts.Subscriptions.Current(a) is { } row && (row.Mrr > 0 || row.IsTrial)).ToList();
        var findings = new List<InsightFinding>();
        foreach (var account in customers)
        {
            var needs = new[] { AdoptionRules.LowBreadth(account, facts, breadth, minPeers), AdoptionRules.LowSeats(account, facts, seats) }.OfType<AdoptionNeed>().ToList();
            if (needs.Count > 0)
            {
                var gaps = PeerFeatureGaps.Of(account, facts.Usage, facts.Accounts, a => facts.Segments.GetValueOrDefault(a), share, minPeers);
                findings.Add(Finding(account, needs, gaps, facts));
            }
        }
        findings = [.. findings.OrderByDescending(f => f.Score).ThenBy(f => f.Subject, StringComparer.Ordinal)];
        return new InsightResult(Name, request.AsOf, Method(breadth, seats, share, minPeers), Summary(findings, customers.Count))
        {
            Figures =
            [
                InsightValue.Of("customers", customers.Count),
                InsightValue.Of("need_help", findings.Count),
                InsightValue.Of("low_breadth", findings.Count(f => f.Values.Single(v => v.Name == "low_breadth").Number is not null)),
                InsightValue.Of("low_seats", findings.Count(f => f.Values.Single(v => v.Name == "low_seats").Number is not null)),
                InsightValue.Of("unused_seats", findings.Sum(f => f.Values.Single(v => v.Name == "unused_seats").Number ?? 0)),
                InsightValue.Of("breadth", breadth),
                InsightValue.Of("seats", seats),
                InsightValue.Of("peer_share", share),
                InsightValue.Of("min_peers", minPeers),
            ],
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    private static InsightFinding Finding(string account, List<AdoptionNeed> needs, IReadOnlyList<FeatureGap> gaps, AccountFacts facts)
    {
        var score = StableRounding.Round(needs.Sum(n => n.Severity) * 50, 1);
        var strongest = needs.OrderByDescending(n => StableRounding.Round(n.Severity, 6)).First();
        var missing = gaps.Count == 0 ? "" : $"; missing features its peers use: {string.Join(", ", gaps.Select(g => $"{g.Meter} ({g.Users} of {g.Peers} peers)"))}";
        double? Severity(string kind) => needs.FirstOrDefault(n => n.Kind == kind) is { } need ? StableRounding.Round(need.Severity, 3) : null;
        double? unused = facts.SeatUtilization(account) is not null && needs.Any(n => n.Kind == "low-seats")
            ? facts.Seats[account].Licensed - facts.ActiveUsers.GetValueOrDefault(account)
            : null;
        return new InsightFinding(account, strongest.Kind, score, $"adoption score {HealthRules.N(score)}: {string.Join("; ", needs.Select(n => $"{n.Why} → severity {HealthRules.N(n.Severity * 100)}%"))}{missing}")
        {
            Values =
            [
                InsightValue.Of("low_breadth", Severity("low-breadth")),
                InsightValue.Of("low_seats", Severity("low-seats")),
                InsightValue.Of("unused_seats", unused),
                InsightValue.Of("missing_features", string.Join(" ", gaps.Select(g => g.Meter))),
            ],
        };
    }

    private static string Method(double breadth, double seats, double share, int minPeers) =>
        "Customers (paying or on a trial at as-of) that need adoption help over the 30 days before as-of: " +
        $"low-breadth, meters used under {HealthRules.N(breadth * 100)}% of the median of the segment's other active accounts (at least {minPeers}); severity 1 − ratio; " +
        $"low-seats, distinct active users under {HealthRules.N(seats * 100)}% of licensed seats; severity (bar − utilisation) ÷ bar. " +
        $"Score = 50 × the sum of severities (100 when nothing is used of either). Missing features: meters at least {HealthRules.N(share * 100)}% of those active peers used and the account did not.";

    private static string Summary(List<InsightFinding> findings, int customers) =>
        findings.Count == 0
            ? $"None of the {customers} customers uses few features for its segment or few of its seats."
            : $"{findings.Count} of {customers} customers need adoption help ({findings.Count(f => f.Kind == "low-breadth")} mostly low breadth, {findings.Count(f => f.Kind == "low-seats")} mostly unused seats); the first is {findings[0].Subject}: {findings[0].Why}.";
}
