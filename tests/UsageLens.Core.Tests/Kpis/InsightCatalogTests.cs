using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;

namespace UsageLens.Core.Tests.Kpis;

public sealed class InsightCatalogTests
{
    [Fact]
    public void The_kinds_questions_can_name_are_those_the_parser_and_the_validator_knew()
    {
        // A kind without synonyms is reached by name only, so it cannot change how a question parses.
        Assert.Equal(
            ["adoption-assistance", "anomalies", "benchmark", "campaign-audiences", "churn-risk", "discounts", "feature-gaps", "health", "rate-plan-fit", "references", "signals", "survey-targets", "trial-conversion", "upsell"],
            InsightCatalog.All.Where(i => i.Synonyms.Count > 0).Select(i => i.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_insight_has_a_title_a_description_and_an_as_of_parameter()
    {
        Assert.Equal(InsightCatalog.All.Count, InsightCatalog.All.Select(i => i.Name).Distinct().Count());
        Assert.All(InsightCatalog.All, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Title));
            Assert.False(string.IsNullOrWhiteSpace(i.Description));
            Assert.Contains(i.Parameters, p => p.Name == "as_of");
        });
    }

    [Fact]
    public void No_phrase_names_two_insights_or_an_insight_and_a_kpi()
    {
        var phrases = InsightCatalog.All.SelectMany(i => i.Synonyms.Distinct().Select(s => s.ToLowerInvariant()))
            .Concat(KpiCatalog.All.SelectMany(k => k.Definition.Synonyms.Select(s => s.Phrase.ToLowerInvariant()).Distinct()))
            .ToList();

        Assert.Equal(phrases.Count, phrases.Distinct().Count());
    }
}
