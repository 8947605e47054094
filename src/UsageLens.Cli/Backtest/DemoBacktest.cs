using System.Globalization;
using UsageLens.Core.Configuration;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Demo;
using UsageLens.Demo.DuckDb;
using UsageLens.Insights;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli.Backtest;

/// <summary>
/// Runs the insights on a demo workspace whose storylines are known (the demo keeps them out of the
/// workspace) and scores each insight against the storyline it should find: injected anomalies,
/// churners, expanders and trials. The workspace lives in memory for the run only.
/// </summary>
internal sealed class DemoBacktest(DemoOptions options, WorkspaceConfiguration configuration)
{
    // Churners fade for three to seven weeks before they cancel; 45 days before the end leaves most
    // of the fade before the as-of day and the cancellations inside the 60-day horizon after it.
    private const int ChurnLeadDays = 45;
    private const int ChurnHorizonDays = 60;

    // Expanders grow around a day in the window's middle stretch; 30 days before the end most are growing.
    private const int GrowthLeadDays = 30;

    // trial-conversion's default: a trial older than this has expired.
    private const int TrialDays = 30;
    private const int TrialPoolDays = 112;

    public async Task<IReadOnlyList<BacktestLine>> RunAsync(CancellationToken cancellationToken)
    {
        var scenario = DemoScenario.Build(options);
        using var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);
        new DemoWriter(store.Workspace).Write(scenario, progress: null, cancellationToken);
        var context = await KpiContext.CreateAsync(store.Queries, cancellationToken, configuration).ConfigureAwait(false);
        return
        [
            await AnomaliesAsync(scenario, context, cancellationToken).ConfigureAwait(false),
            await ChurnersAsync(scenario, context, cancellationToken).ConfigureAwait(false),
            await ExpandersAsync(scenario, context, cancellationToken).ConfigureAwait(false),
            await TrialsAsync(scenario, context, cancellationToken).ConfigureAwait(false),
        ];
    }

    private async Task<BacktestLine> AnomaliesAsync(DemoScenario scenario, KpiContext context, CancellationToken cancellationToken)
    {
        var injected = scenario.Anomalies.Select(a => Key(a.AccountId, a.Meter, a.Day)).ToHashSet(StringComparer.Ordinal);
        var findings = new List<InsightFinding>();
        foreach (var meter in scenario.Anomalies.Select(a => a.Meter).Distinct().Order(StringComparer.Ordinal))
        {
            var request = Request(options.EndDate) with { Metric = meter, Options = new Dictionary<string, string> { ["lookback"] = options.Days.ToString(CultureInfo.InvariantCulture) } };
            findings.AddRange((await ComputeAsync("anomalies", request, context, cancellationToken).ConfigureAwait(false)).Findings);
        }
        // A one-day finding is a claim that the day was unusual; a change point is a claim about what follows.
        var flagged = findings.Where(f => f.Kind is "anomaly" or "ongoing").Select(AnomalyKey).ToList();
        var found = injected.Count(i => findings.Any(f => AnomalyKey(f) == i));
        return new BacktestLine("injected anomalies", "anomalies", options.EndDate, injected.Count, flagged.Count, flagged.Count(injected.Contains), found,
            "a one-day finding (anomaly or ongoing) on the injected account, meter and day");
    }

    private async Task<BacktestLine> ChurnersAsync(DemoScenario scenario, KpiContext context, CancellationToken cancellationToken)
    {
        var asOf = options.EndDate.AddDays(-ChurnLeadDays);
        var cancelling = scenario.Accounts.Where(a => a.Trajectory == DemoTrajectory.Churner)
            .Select(a => (a.AccountId, Day: scenario.Subscriptions.Where(s => s.AccountId == a.AccountId && s.Mrr == 0).Select(s => DateOnly.FromDateTime(s.EffectiveAt)).DefaultIfEmpty(DateOnly.MaxValue).Min()))
            .Where(c => c.Day >= asOf && c.Day < asOf.AddDays(ChurnHorizonDays))
            .Select(c => c.AccountId)
            .ToHashSet(StringComparer.Ordinal);
        var result = await ComputeAsync("churn-risk", Request(asOf), context, cancellationToken).ConfigureAwait(false);
        // The k most at risk, with the k of the insight's own backtest (a tenth of the accounts, at least 10):
        // a customer-success team works a list from the top, so ranking, not the 0.5 band, is what counts.
        // Without a backtest (too little history) the list is as long as the churners to find.
        var k = result.Figures.FirstOrDefault(f => f.Name == "backtest_k")?.Number is { } figure ? (int)figure : cancelling.Count;
        var flagged = result.Findings.Take(k).Select(f => f.Subject).ToList();
        var hits = flagged.Count(cancelling.Contains);
        return new BacktestLine("churners", "churn-risk", asOf, cancelling.Count, flagged.Count, hits, hits,
            $"the {k} accounts most at risk; churners = demo churners whose MRR goes to 0 within {ChurnHorizonDays} days after as-of");
    }

    private async Task<BacktestLine> ExpandersAsync(DemoScenario scenario, KpiContext context, CancellationToken cancellationToken)
    {
        var asOf = options.EndDate.AddDays(-GrowthLeadDays);
        var expanders = scenario.Accounts.Where(a => a.Trajectory == DemoTrajectory.Expander).Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        var result = await ComputeAsync("upsell", Request(asOf), context, cancellationToken).ConfigureAwait(false);
        var flagged = result.Findings.Where(f => f.Values.Any(v => v.Name == "growth" && v.Number is not null)).Select(f => f.Subject).ToList();
        var hits = flagged.Count(expanders.Contains);
        return new BacktestLine("expanders", "upsell", asOf, expanders.Count, flagged.Count, hits, hits, "an upsell finding with the fast-growth signal");
    }

    private async Task<BacktestLine> TrialsAsync(DemoScenario scenario, KpiContext context, CancellationToken cancellationToken)
    {
        // A demo trial starts on signup (MRR 0) and, for the converters, turns paid a few weeks later. Few
        // are open on any one day, so the trials open every seventh day of the last 112 days are pooled.
        var trials = scenario.Accounts.Where(a => a.Trajectory is DemoTrajectory.TrialConverted or DemoTrajectory.TrialLapsed)
            .Select(a => (a.AccountId, Rows: scenario.Subscriptions.Where(s => s.AccountId == a.AccountId).ToList()))
            .Select(t => (t.AccountId, Start: DateOnly.FromDateTime(t.Rows.Min(r => r.EffectiveAt)), Paid: t.Rows.Where(r => r.Mrr > 0).Select(r => DateOnly.FromDateTime(r.EffectiveAt)).DefaultIfEmpty(DateOnly.MaxValue).Min()))
            .ToList();
        var (actual, flagged, hits, snapshots) = (0, 0, 0, 0);
        for (var asOf = options.EndDate.AddDays(-TrialPoolDays); asOf <= options.EndDate; asOf = asOf.AddDays(7))
        {
            var open = trials.Where(t => t.Start < asOf && t.Start >= asOf.AddDays(-TrialDays) && t.Paid >= asOf).ToList();
            if (open.Count == 0)
            {
                continue;
            }
            snapshots++;
            var converting = open.Where(t => t.Paid != DateOnly.MaxValue).Select(t => t.AccountId).ToHashSet(StringComparer.Ordinal);
            var result = await ComputeAsync("trial-conversion", Request(asOf), context, cancellationToken).ConfigureAwait(false);
            var likely = result.Findings.Where(f => f.Kind == "likely").Select(f => f.Subject).ToList();
            actual += converting.Count;
            flagged += likely.Count;
            hits += likely.Count(converting.Contains);
        }
        return new BacktestLine("converting trials", "trial-conversion", options.EndDate, actual, flagged, hits, hits,
            $"kind 'likely' among the trials open (started in the {TrialDays} days before) on {snapshots} weekly as-of days over the last {TrialPoolDays} days, pooled");
    }

    private static InsightRequest Request(DateOnly asOf) => new(asOf, AccountScope.All);

    private static Task<InsightResult> ComputeAsync(string insight, InsightRequest request, KpiContext context, CancellationToken cancellationToken) =>
        InsightRegistry.Find(insight).ComputeAsync(request, context, cancellationToken);

    private static string Key(string account, string meter, DateOnly day) => $"{account}|{meter}|{day:yyyy-MM-dd}";

    private static string AnomalyKey(InsightFinding finding) =>
        $"{finding.Subject}|{finding.Values.Single(v => v.Name == "metric").Text}|{finding.Values.Single(v => v.Name == "day").Text}";
}
