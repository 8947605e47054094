using UsageLens.Core;
using UsageLens.Core.Insights;
using UsageLens.Core.Semantics;
using UsageLens.Insights.Adoption;
using UsageLens.Insights.Anomalies;
using UsageLens.Insights.Benchmarks;
using UsageLens.Insights.Churn;
using UsageLens.Insights.Comparisons;
using UsageLens.Insights.Discounts;
using UsageLens.Insights.Health;
using UsageLens.Insights.Outreach;
using UsageLens.Insights.RatePlans;
using UsageLens.Insights.Signals;
using UsageLens.Insights.Trends;
using UsageLens.Insights.Trials;
using UsageLens.Insights.Upsell;

namespace UsageLens.Insights;

/// <summary>
/// Every insight UsageLens computes. Adding one is one class implementing <see cref="IInsight"/>
/// and one line below; its name, title and parameters live in <see cref="InsightCatalog"/>.
/// </summary>
public static class InsightRegistry
{
    public static IReadOnlyList<IInsight> All { get; } =
    [
        new AnomaliesInsight(),
        new TrendInsight(),
        new ComparisonInsight(),
        new ChurnRiskInsight(),
        new HealthInsight(),
        new UpsellInsight(),
        new TrialConversionInsight(),
        new DiscountsInsight(),
        new RatePlanFitInsight(),
        new BenchmarkInsight(),
        new AdoptionAssistanceInsight(),
        new FeatureGapsInsight(),
        new SurveyTargetsInsight(),
        new ReferencesInsight(),
        new CampaignAudiencesInsight(),
        new SignalsInsight(),
    ];

    /// <summary>The insight named <paramref name="name"/>; a catalogued kind not computed yet is a clear error.</summary>
    public static IInsight Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim();
        if (All.FirstOrDefault(i => string.Equals(i.Definition.Name, key, StringComparison.OrdinalIgnoreCase)) is { } insight)
        {
            return insight;
        }
        var computed = string.Join(", ", All.Select(i => i.Definition.Name));
        if (InsightCatalog.All.Any(d => string.Equals(d.Name, key, StringComparison.OrdinalIgnoreCase)))
        {
            throw new UsageLensException($"insight '{key}' is not available yet; the insights computed today are {computed}");
        }
        throw new UsageLensException(UsageLensErrorKind.NotFound, $"unknown insight '{key}'{NearestNames.Hint(key, All.Select(i => i.Definition.Name))}; the insights are {computed}");
    }
}
