using System.Text.Json;
using UsageLens.Core.Semantics;
using UsageLens.Insights.Churn;
using Xunit.Abstractions;

namespace UsageLens.Insights.Tests.Churn;

/// <summary>
/// The churn-risk insight on the demo, as of 45 days before its end: the demo's churners that cancel
/// after the as-of day must rank high, the backtest must be printed, and partner scope, truncation
/// and the rule fallback must hold. Prints its figures: run with <c>--logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class DemoChurnRiskTests(ITestOutputHelper output)
{
    private static InsightRequest Request(AccountScope scope) => new(DemoChurnWorkspace.AsOf, scope);

    [Fact]
    public async Task Demo_churners_that_cancel_after_the_as_of_day_rank_at_the_top()
    {
        var workspace = DemoChurnWorkspace.Shared;
        var result = await DemoChurnWorkspace.ComputeAsync(workspace.Full, Request(AccountScope.All));

        var asOf = DemoChurnWorkspace.AsOf;
        var upcoming = workspace.ChurnDays().Where(c => c.Value >= asOf && c.Value < asOf.AddDays(60)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var k = RankingMetrics.DefaultK(result.Findings.Count);
        var top = result.Findings.Take(k).Select(f => f.Subject).ToList();
        var hits = top.Count(upcoming.Contains);
        var precision = hits / (double)k;
        var recall = hits / (double)upcoming.Count;
        var topChurners = result.Findings.Take(upcoming.Count).Count(f => upcoming.Contains(f.Subject));
        output.WriteLine(result.Summary);
        output.WriteLine($"as of {asOf:yyyy-MM-dd}: {upcoming.Count} demo churners cancel in the next 60 days among {result.Findings.Count} paying accounts");
        output.WriteLine($"top {k}: precision {precision:P1} ({hits}/{k}), recall {recall:P1} ({hits}/{upcoming.Count}); top {upcoming.Count}: {topChurners} churners");
        foreach (var figure in result.Figures)
        {
            output.WriteLine($"{figure.Name} = {figure.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? figure.Text}");
        }
        foreach (var missed in upcoming.Except(top))
        {
            var finding = result.Findings.Single(f => f.Subject == missed);
            output.WriteLine($"missed {missed} (cancels {workspace.ChurnDays()[missed]:yyyy-MM-dd}, rank {result.Findings.ToList().IndexOf(finding) + 1}): {finding.Why}");
        }

        Assert.Equal("logistic-regression", Figure(result, "model").Text);
        Assert.True(upcoming.Count >= 3, $"the demo should have churners after the as-of day, has {upcoming.Count}");
        Assert.InRange(recall, 0.5, 1);
        Assert.InRange(Figure(result, "backtest_auc").Number!.Value, 0.8, 1);
        Assert.All(result.Findings.Zip(result.Findings.Skip(1)), p => Assert.True(p.First.Score >= p.Second.Score));
    }

    [Fact]
    public async Task Deleting_every_row_on_or_after_the_as_of_day_changes_nothing()
    {
        var workspace = DemoChurnWorkspace.Shared;

        var full = JsonSerializer.Serialize(await DemoChurnWorkspace.ComputeAsync(workspace.Full, Request(AccountScope.All)));
        var truncated = JsonSerializer.Serialize(await DemoChurnWorkspace.ComputeAsync(workspace.Truncated, Request(AccountScope.All)));

        Assert.Equal(truncated, full);
    }

    [Fact]
    public async Task A_partner_sees_only_its_accounts_scored_by_the_model_trained_on_all()
    {
        var workspace = DemoChurnWorkspace.Shared;
        var partner = workspace.Scenario.Accounts.Where(a => a.PartnerId is not null).GroupBy(a => a.PartnerId!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var own = partner.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        var others = workspace.Scenario.Accounts.Select(a => a.AccountId).Where(a => !own.Contains(a)).ToList();

        var all = await DemoChurnWorkspace.ComputeAsync(workspace.Full, Request(AccountScope.All));
        var scoped = await DemoChurnWorkspace.ComputeAsync(workspace.Full, Request(AccountScope.Partner(partner.Key)));

        Assert.NotEmpty(scoped.Findings);
        Assert.All(scoped.Findings, f => Assert.Contains(f.Subject, own));
        var expected = all.Findings.Where(f => own.Contains(f.Subject)).Select(f => (f.Subject, f.Score)).ToList();
        Assert.Equal(expected, scoped.Findings.Select(f => (f.Subject, f.Score)).ToList());
        Assert.Equal(Figure(all, "intercept").Number, Figure(scoped, "intercept").Number);
        var json = JsonSerializer.Serialize(scoped);
        Assert.All(others, a => Assert.DoesNotContain($"\"{a}\"", json, StringComparison.Ordinal));
        Assert.DoesNotContain(others, a => scoped.Summary.Contains(a, StringComparison.Ordinal));
        Assert.True(Figure(scoped, "backtest_accounts").Number <= own.Count);
    }

    [Fact]
    public async Task Too_little_churn_falls_back_to_the_rule_model_and_says_so()
    {
        var request = Request(AccountScope.All) with { Options = new Dictionary<string, string> { ["min-churners"] = "1000" } };

        var result = await DemoChurnWorkspace.ComputeAsync(DemoChurnWorkspace.Shared.Full, request);

        Assert.Equal("rule", Figure(result, "model").Text);
        Assert.Equal("rule", Figure(result, "backtest_mode").Text);
        Assert.StartsWith("Too little churn history to train a model", result.Summary, StringComparison.Ordinal);
        Assert.Contains("rule model: usage down more than 50%", result.Method, StringComparison.Ordinal);
        Assert.All(result.Findings, f => Assert.Equal(ChurnRule.Score([.. f.Values.Where(v => ChurnFeature.All.Any(c => c.Name == v.Name)).Select(v => v.Number!.Value)]).Score, f.Score));
    }

    private static InsightValue Figure(InsightResult result, string name) => result.Figures.Single(f => f.Name == name);
}
