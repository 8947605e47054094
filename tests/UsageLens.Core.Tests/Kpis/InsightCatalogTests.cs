using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;

namespace UsageLens.Core.Tests.Kpis;

public sealed class InsightCatalogTests
{
    [Fact]
    public void The_catalogue_lists_the_insight_kinds_questions_md_and_the_validator_knew()
    {
        Assert.Equal(["churn-risk", "anomalies", "upsell", "feature-gaps", "health", "signals"], InsightCatalog.All.Select(i => i.Name));
    }

    [Fact]
    public void Every_insight_has_a_title_synonyms_and_parameters()
    {
        Assert.All(InsightCatalog.All, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Title));
            Assert.False(string.IsNullOrWhiteSpace(i.Description));
            Assert.NotEmpty(i.Synonyms);
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
