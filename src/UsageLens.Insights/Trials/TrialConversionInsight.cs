using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Trials;

/// <summary>
/// Trials most likely to convert, ranked: each account on a free trial now is graded against the
/// accounts that converted from a trial (<see cref="TrialConversionRules"/>) on usage level, active
/// users, feature breadth and usage trend.
/// </summary>
internal sealed class TrialConversionInsight : IInsight
{
    public const string Name = "trial-conversion";
    private const int TrendDays = 7;

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("trial-days", "a trial that started more than this many days before as-of has expired and is not listed (1–365, default 30)"),
        new("min-peers", "fewest converted trials to compare with; with fewer, every paying account is the peer group (1–100000, default 3)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var trialDays = request.IntOption("trial-days", 30, 1, 365);
        var minPeers = request.IntOption("min-peers", 3, 1, 100_000);
        var history = await SubscriptionHistoryReader.ReadAsync(request, context, Name, cancellationToken).ConfigureAwait(false);
        var month = await UsageWindowsReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        var week = await UsageWindowsReader.ReadAsync(request, context, TrendDays, cancellationToken).ConfigureAwait(false);
        var activeUsers = await ActiveUsersReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        double Active(string account) => activeUsers.GetValueOrDefault(account);

        var onTrial = history.Rows.Keys.Where(a => history.Current(a) is { IsTrial: true }).Order(StringComparer.Ordinal).ToList();
        var open = onTrial.Where(a => history.Current(a)!.From >= request.AsOf.AddDays(-trialDays)).ToList();
        var peers = Peers(history, month, Active, minPeers);
        var findings = open
            .Select(a => (Account: a, Grades: TrialConversionRules.Grades(a, peers, month, week, Active(a))))
            .Select(a => (a.Account, a.Grades, Score: TrialConversionRules.Score(a.Grades)))
            .Where(a => a.Score is not null)
            .Select(a => Finding(a.Account, history.Current(a.Account)!, request.AsOf, a.Grades, a.Score!.Value))
            .OrderByDescending(f => f.Score).ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        return new InsightResult(Name, request.AsOf, Method(trialDays, minPeers, peers), Summary(findings, peers))
        {
            Figures =
            [
                InsightValue.Of("open_trials", open.Count),
                InsightValue.Of("expired_trials", onTrial.Count - open.Count),
                InsightValue.Of("peers", peers.Count),
                InsightValue.Of("peer_group", peers.Description),
                InsightValue.Of("peer_active_users", peers.ActiveUsers),
                InsightValue.Of("peer_feature_breadth", peers.Breadth),
                .. peers.MeterMedians.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => InsightValue.Of($"peer_median_{m.Key}", m.Value)),
                InsightValue.Of("trial_days", trialDays),
                InsightValue.Of("min_peers", minPeers),
                InsightValue.Of("likely", findings.Count(f => f.Kind == "likely")),
            ],
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    private static TrialPeers Peers(SubscriptionHistory history, UsageWindows month, Func<string, double> active, int minPeers)
    {
        var converted = history.ConvertedFromTrial();
        var (accounts, description) = converted.Count >= minPeers
            ? (converted, $"{converted.Count} accounts that converted from a trial and pay now")
            : (history.Paying(), $"every paying account ({history.Paying().Count}): fewer than {minPeers} converted trials");
        var medians = month.Meters.ToDictionary(m => m, m => PeerPercentile.Median(accounts.Select(a => month.Of(a, m).Recent)) ?? 0, StringComparer.Ordinal);
        return new TrialPeers(description, accounts.Count, medians,
            PeerPercentile.Median(accounts.Select(active)) ?? 0,
            PeerPercentile.Median(accounts.Select(a => (double)month.UsedRecently(a).Count)) ?? 0);
    }

    private static InsightFinding Finding(string account, SubscriptionRow trial, DateOnly asOf, IReadOnlyList<TrialGrade> grades, double score)
    {
        var kind = TrialConversionRules.Likelihood(score);
        var graded = grades.Where(g => g.Grade is not null).Select(g => $"{g.Why} (weight {HealthRules.N(g.Weight)})");
        var skipped = grades.Where(g => g.Grade is null).Select(g => g.Why);
        var why = $"conversion score {HealthRules.N(score)} ({kind}), on trial since {KpiSeries.Day(trial.From)} ({asOf.DayNumber - trial.From.DayNumber} days) on plan {trial.Plan ?? "none"}: {string.Join("; ", graded.Concat(skipped))}";
        return new InsightFinding(account, kind, score, why)
        {
            Values =
            [
                InsightValue.Of("trial_start", KpiSeries.Day(trial.From)),
                InsightValue.Of("plan", trial.Plan),
                .. grades.Select(g => InsightValue.Of(g.Component, g.Grade is { } grade ? StableRounding.Round(grade, 1) : null)),
            ],
        };
    }

    private static string Method(int trialDays, int minPeers, TrialPeers peers) =>
        $"Trials: accounts whose subscription row in force is a free trial (MRR 0 with a 100% discount, or a plan named trial) that started at most {trialDays} days before as-of. " +
        $"Each is compared with its peers: the accounts that converted from a trial (a trial row followed by a paying one) and pay now, or every paying account when fewer than {minPeers} converted; here {peers.Description}. " +
        TrialConversionRules.Method + " Likely from 70, possible from 40.";

    private static string Summary(List<InsightFinding> findings, TrialPeers peers)
    {
        if (findings.Count == 0)
        {
            return "No open trial to score.";
        }
        return $"{findings.Count} open trials: {findings.Count(f => f.Kind == "likely")} likely to convert, {findings.Count(f => f.Kind == "possible")} possible, {findings.Count(f => f.Kind == "unlikely")} unlikely, against {peers.Description}; the most likely is {findings[0].Subject} at {HealthRules.N(findings[0].Score)}.";
    }
}
