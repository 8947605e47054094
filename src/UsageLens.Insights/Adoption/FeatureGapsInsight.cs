using UsageLens.Core;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Adoption;

/// <summary>
/// Features that similar accounts use and this one does not: for each account in view, the meters at
/// least a share of its active peers (same segment, or same plan) used in the last 30 days and it did not.
/// </summary>
internal sealed class FeatureGapsInsight : IInsight
{
    public InsightDefinition Definition { get; } = InsightDefinitions.Named(InsightCatalog.FeatureGaps);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("peers", "segment (default) or plan: who counts as a similar account"),
        new("peer-share", "share of the active peers using a feature for its absence to count (0–1, default 0.5)"),
        new("min-peers", "fewest active peers to compare with (1–100000, default 3)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var by = request.Options.GetValueOrDefault("peers") ?? "segment";
        if (by is not ("segment" or "plan"))
        {
            throw new UsageLensException($"option peers='{by}' must be segment or plan");
        }
        var share = request.NumberOption("peer-share", 0.5, 0, 1);
        var minPeers = request.IntOption("min-peers", 3, 1, 100_000);
        var facts = await AccountFactsReader.ReadAsync(request, context, Definition.Name, cancellationToken).ConfigureAwait(false);
        Func<string, string?> group = by == "plan" ? a => facts.Subscriptions.Current(a)?.Plan : a => facts.Segments.GetValueOrDefault(a);
        var findings = facts.Accounts
            .Select(a => (Account: a, Gaps: PeerFeatureGaps.Of(a, facts.Usage, facts.Accounts, group, share, minPeers, request.Metric)))
            .Where(a => a.Gaps.Count > 0)
            .Select(a => Finding(a.Account, by, group(a.Account)!, a.Gaps))
            .OrderByDescending(f => f.Score).ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        return new InsightResult(Definition.Name, request.AsOf, Method(by, share, minPeers), Summary(findings))
        {
            Figures =
            [
                InsightValue.Of("accounts", facts.Accounts.Count),
                InsightValue.Of("accounts_with_gaps", findings.Count),
                InsightValue.Of("gaps", findings.Sum(f => f.Values.Count(v => v.Name.StartsWith("gap_", StringComparison.Ordinal)))),
                InsightValue.Of("peers_by", by),
                InsightValue.Of("peer_share", share),
                InsightValue.Of("min_peers", minPeers),
                InsightValue.Of("metric", request.Metric ?? "all meters"),
            ],
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    private static InsightFinding Finding(string account, string by, string group, IReadOnlyList<FeatureGap> gaps)
    {
        var score = StableRounding.Round(gaps.Sum(g => g.Share) * 100, 1);
        var why = $"not used in the last 30 days, though used by its active {by} {group} peers: {string.Join("; ", gaps.Select(g => $"{g.Meter} by {g.Users} of {g.Peers} ({HealthRules.N(g.Share * 100)}%)"))}";
        return new InsightFinding(account, "feature-gap", score, why)
        {
            Values = [InsightValue.Of(by, group), .. gaps.Select(g => InsightValue.Of($"gap_{g.Meter}", StableRounding.Round(g.Share, 3)))],
        };
    }

    private static string Method(string by, double share, int minPeers) =>
        $"For each account in view, the meters it did not use in the 30 days before as-of that at least {HealthRules.N(share * 100)}% of its active peers used: the other accounts in view of the same {by} that used any meter in those days, at least {minPeers} of them. " +
        "Score: the sum of the peer shares of its gaps × 100 (more gaps, and gaps more peers fill, rank higher).";

    private static string Summary(List<InsightFinding> findings) =>
        findings.Count == 0
            ? "No account misses a feature most of its peers use."
            : $"{findings.Count} accounts miss features their peers use; the first is {findings[0].Subject}: {findings[0].Why}.";
}
