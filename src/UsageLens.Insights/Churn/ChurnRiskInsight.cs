using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Churn;

/// <summary>
/// Per account, the risk that its MRR goes to 0 within the horizon after the as-of day, from a
/// logistic regression the workspace's own past snapshots train (<see cref="ChurnLearning"/>), with
/// each account's top factors and the backtest on the latest past snapshot. Too little churn in the
/// past falls back to <see cref="ChurnRule"/>, and the result says so. The model learns from every
/// account; the output lists and scores only the accounts of the request's scope.
/// </summary>
internal sealed class ChurnRiskInsight : IInsight
{
    public const string Name = "churn-risk";
    private const int TopFactors = 3;

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("horizon", "days after a snapshot within which MRR going to 0 counts as churn (default 60)"),
        new("snapshots", "past snapshots the model learns from (default 12)"),
        new("spacing", "days between past snapshots (default 14)"),
        new("min-churners", "churned accounts in the past needed to train the model instead of the rule (default 5)"),
        new("seed", "the ML.NET seed (default 42)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var settings = new ChurnSettings(
            HorizonDays: request.IntOption("horizon", 60, 7, 365),
            Snapshots: request.IntOption("snapshots", 12, 1, 52),
            SpacingDays: request.IntOption("spacing", 14, 7, 91),
            MinChurners: request.IntOption("min-churners", 5, 1, 100_000),
            Seed: request.IntOption("seed", 42, 0, int.MaxValue));
        var visible = await VisibleAccountsAsync(request, context, cancellationToken).ConfigureAwait(false);
        var days = settings.SnapshotDays(request.AsOf);
        var history = await ChurnHistory.ReadAsync(request, context, days[^1].AddDays(-ChurnSettings.CapDays), cancellationToken).ConfigureAwait(false);
        var examples = new List<ChurnExample>();
        for (var k = 0; k < days.Count; k++)
        {
            if (history.FirstUsage is { } first && days[k].AddDays(-ChurnSettings.FeatureDays) >= first)
            {
                examples.AddRange(await ExamplesAsync(history, k, days[k], settings, cancellationToken).ConfigureAwait(false));
            }
        }
        var current = (await history.FeaturesAsync(request.AsOf, cancellationToken).ConfigureAwait(false)).Where(f => visible.Contains(f.Key)).ToList();
        var churned = ChurnLearning.ChurnedAccounts(examples);
        var useRule = churned < settings.MinChurners;
        var backtest = ChurnLearning.Backtest(examples, settings, visible.Contains, useRule);
        var model = useRule ? null : ChurnModel.Train(examples, settings.Seed);
        var findings = model is null ? current.Select(c => RuleFinding(c.Key, c.Value)).ToList() : ModelFindings(model, current);
        var ordered = findings.OrderByDescending(f => f.Score).ThenBy(f => f.Subject, StringComparer.Ordinal).ToList();
        return new InsightResult(Name, request.AsOf, Method(settings, useRule, churned), Summary(ordered, useRule, churned, settings, backtest))
        {
            Figures = [.. Figures(settings, examples, churned, model, useRule), .. ChurnFigures.Backtest(backtest)],
            Findings = ordered,
            Sql = [.. context.Sql],
        };
    }

    // The accounts the caller may see: the request's scope narrowed by its filters, which must be account dimensions.
    private static async Task<HashSet<string>> VisibleAccountsAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var filters = new KpiArguments { Where = request.Where, ComparePrevious = false }
            .Resolve(KpiCatalog.Find("mrr").Definition, context.Model, request.AsOf, request.Scope).Filters;
        if (filters.FirstOrDefault(f => f.Dimension.Source != DimensionSource.Account && !f.Dimension.IsAccountId) is { } filter)
        {
            throw new UsageLensException($"--where: churn-risk filters accounts by account dimensions only, such as segment or plan; '{filter.Dimension.Name}' is not one");
        }
        var rows = await context.QueryAsync(QueryPlanner.AccountAttributes(request.Scope, filters, null, []), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.GetString("account_id")).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<List<ChurnExample>> ExamplesAsync(ChurnHistory history, int index, DateOnly day, ChurnSettings settings, CancellationToken cancellationToken)
    {
        var features = await history.FeaturesAsync(day, cancellationToken).ConfigureAwait(false);
        var churned = await history.ChurnedAfterAsync(day, settings.HorizonDays, cancellationToken).ConfigureAwait(false);
        return features.Select(f => new ChurnExample(f.Key, index, day, f.Value, churned.Contains(f.Key))).ToList();
    }

    private static List<InsightFinding> ModelFindings(ChurnModel model, List<KeyValuePair<string, double[]>> current)
    {
        var probabilities = model.Probabilities(current.Select(c => (IReadOnlyList<double>)c.Value).ToList());
        return current.Select((c, i) => ModelFinding(c.Key, c.Value, StableRounding.Round(probabilities[i], 4), model.Contributions(c.Value))).ToList();
    }

    private static InsightFinding ModelFinding(string account, double[] features, double probability, double[] contributions)
    {
        var factors = Enumerable.Range(0, contributions.Length).OrderByDescending(j => contributions[j]).ThenBy(j => j).Take(TopFactors).Where(j => contributions[j] > 0).ToList();
        var why = factors.Count == 0
            ? $"{Percent(probability)} chance of MRR going to 0; no feature raises the risk above the average account"
            : $"{Percent(probability)} chance of MRR going to 0; raised most by {string.Join(", ", factors.Select(j => $"{ChurnFeature.All[j].Name} {Format(features[j])} (+{Format(contributions[j])} log-odds)"))}";
        return new InsightFinding(account, Band(probability), probability, why)
        {
            Values =
            [
                InsightValue.Of("probability", probability),
                .. factors.Select((j, n) => InsightValue.Of($"factor_{n + 1}", $"{ChurnFeature.All[j].Name} {Format(contributions[j])}")),
                .. Enumerable.Range(0, features.Length).Select(j => InsightValue.Of(ChurnFeature.All[j].Name, StableRounding.Round(features[j], 4))),
                .. Enumerable.Range(0, features.Length).Select(j => InsightValue.Of($"contribution_{ChurnFeature.All[j].Name}", StableRounding.Round(contributions[j], 4))),
            ],
        };
    }

    private static InsightFinding RuleFinding(string account, double[] features)
    {
        var (score, reasons) = ChurnRule.Score(features);
        var why = reasons.Count == 0 ? $"rule score {Format(score)}: no warning sign" : $"rule score {Format(score)}: {string.Join("; ", reasons)}";
        return new InsightFinding(account, Band(score), score, why)
        {
            Values =
            [
                InsightValue.Of("rule_score", score),
                .. reasons.Select((r, n) => InsightValue.Of($"factor_{n + 1}", r)),
                .. Enumerable.Range(0, features.Length).Select(j => InsightValue.Of(ChurnFeature.All[j].Name, StableRounding.Round(features[j], 4))),
            ],
        };
    }

    private static IEnumerable<InsightValue> Figures(ChurnSettings settings, List<ChurnExample> examples, int churned, ChurnModel? model, bool useRule)
    {
        yield return InsightValue.Of("model", useRule ? "rule" : "logistic-regression");
        yield return InsightValue.Of("horizon_days", settings.HorizonDays);
        yield return InsightValue.Of("spacing_days", settings.SpacingDays);
        yield return InsightValue.Of("snapshots_used", examples.Select(e => e.Snapshot).Distinct().Count());
        yield return InsightValue.Of("first_snapshot", examples.Count == 0 ? null : KpiSeries.Day(examples.Min(e => e.Day)));
        yield return InsightValue.Of("last_snapshot", examples.Count == 0 ? null : KpiSeries.Day(examples.Max(e => e.Day)));
        yield return InsightValue.Of("training_examples", examples.Count);
        yield return InsightValue.Of("training_churned_examples", examples.Count(e => e.Churned));
        yield return InsightValue.Of("churned_accounts", churned);
        yield return InsightValue.Of("min_churners", settings.MinChurners);
        yield return InsightValue.Of("seed", settings.Seed);
        if (model is not null)
        {
            yield return InsightValue.Of("intercept", StableRounding.Round(model.Bias, 4));
            for (var j = 0; j < model.Weights.Count; j++)
            {
                yield return InsightValue.Of($"coefficient_{ChurnFeature.All[j].Name}", StableRounding.Round(model.Weights[j], 4));
            }
        }
    }

    private static string Method(ChurnSettings settings, bool useRule, int churned)
    {
        var label = $"Label: an account paying at a snapshot day churns when its MRR (QueryPlanner.MrrAt) is 0 at any check every {ChurnSettings.LabelStepDays} days up to {settings.HorizonDays} days after it. " +
            $"Snapshots: as-of − {settings.HorizonDays} − 1 days and every {settings.SpacingDays} days before (up to {settings.Snapshots}, each with {ChurnSettings.FeatureDays} days of usage before it), so every label is known from data before the as-of day. " +
            $"Features, each from data before its snapshot day: {string.Join("; ", ChurnFeature.All.Select(f => $"{f.Name} = {f.Meaning}"))}. ";
        return useRule
            ? $"{label}Only {churned} accounts churned in these snapshots (fewer than min-churners = {settings.MinChurners}), too few to learn from, so the {ChurnRule.Description}. The backtest scores the rule on the latest past snapshot."
            : $"{label}Model: {ChurnModel.Description}, trained on every past snapshot; an account's probability is the model's for its features on the as-of day. " +
              $"Top factors: contribution of a feature = coefficient × (value − training mean) ÷ training standard deviation, in log-odds against the average training example; the {TopFactors} largest positive ones are listed. " +
              $"Backtest: {ChurnLearningNote}";
    }

    private const string ChurnLearningNote =
        "the latest past snapshot is held out; strict when the snapshots whose horizon ended before it hold min-churners churned accounts (trained on those only), " +
        "otherwise account-folds (accounts split in two by sorted id; each half scored by a model trained on the other half's earlier snapshots). " +
        "AUC, precision and recall at k = max(10, 10% of accounts), and calibration (mean predicted against observed churn rate per predicted-risk bin).";

    private static string Summary(List<InsightFinding> findings, bool useRule, int churned, ChurnSettings settings, ChurnBacktest? backtest)
    {
        var head = useRule
            ? $"Too little churn history to train a model ({churned} churned accounts, fewer than {settings.MinChurners}): rule model used. "
            : $"Logistic regression trained on {churned} churned accounts in the past snapshots. ";
        var top = findings.Count == 0 ? "No paying account to score." : $"{findings.Count(f => f.Kind == "high")} of {findings.Count} accounts at high risk; most at risk: {findings[0].Subject} ({findings[0].Why}).";
        var test = backtest is null
            ? " No backtest: too few past snapshots (or churned accounts in each half of the accounts) to hold the latest one out."
            : $" Backtest ({backtest.Mode}, snapshot {KpiSeries.Day(backtest.Snapshot)}, {backtest.Churned} of {backtest.Accounts} churned): AUC {Format(backtest.Auc)}, precision at {backtest.K} {Format(backtest.PrecisionAtK)}, recall at {backtest.K} {Format(backtest.RecallAtK)}.";
        return head + top + test;
    }

    private static string Band(double risk) => risk >= 0.5 ? "high" : risk >= 0.2 ? "elevated" : "low";

    private static string Percent(double probability) => probability.ToString("0.#%", CultureInfo.InvariantCulture);

    private static string Format(double? value) => value is null ? "-" : value.Value.ToString("0.###", CultureInfo.InvariantCulture);
}
