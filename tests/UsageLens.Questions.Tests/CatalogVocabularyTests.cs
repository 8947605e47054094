using UsageLens.Core;
using UsageLens.Core.Configuration;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Questions.Answers;
using UsageLens.Questions.LanguageModel;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Questions.Tests;

/// <summary>The questions vocabulary and the language-model validator read the KPI and insight catalogues.</summary>
public sealed class CatalogVocabularyTests
{
    // One question per insight kind, written by hand (the first four are questions.md's examples).
    private static readonly Dictionary<string, string> s_insightQuestions = new()
    {
        ["churn-risk"] = "which customers are at risk of churning",
        ["anomalies"] = "any anomalies in api calls last week",
        ["upsell"] = "who should we upsell",
        ["feature-gaps"] = "which features do smb customers not use",
        ["health"] = "show customer health for enterprise accounts",
        ["signals"] = "buying signals last month",
        ["trial-conversion"] = "which trials are likely to convert",
        ["discounts"] = "which discounts can we phase out",
        ["rate-plan-fit"] = "which rate plan fits each customer",
        ["benchmark"] = "benchmark enterprise accounts",
        ["adoption-assistance"] = "which customers need adoption help",
        ["survey-targets"] = "who should we survey",
        ["references"] = "customer references in smb",
        ["campaign-audiences"] = "campaign audiences",
    };

    [Fact]
    public void Every_kpi_synonym_resolves_to_its_kpi_with_its_option_or_variant()
    {
        Assert.All(KpiCatalog.All.SelectMany(k => k.Definition.Synonyms.Select(s => (k.Definition.Name, Synonym: s))), p =>
        {
            var words = Vocabulary.Words(p.Synonym.Phrase);
            var (length, terms) = DemoVocabulary.Vocabulary.Match(words, 0);

            Assert.Equal(words.Length, length);
            Assert.Contains(new Term(TermKind.Kpi, p.Name, Option: p.Synonym.Option, Variant: p.Synonym.Variant), terms);
        });
    }

    [Fact]
    public void Every_insight_synonym_resolves_to_its_insight()
    {
        Assert.All(InsightCatalog.All.SelectMany(i => i.Synonyms.Select(s => (i.Name, Phrase: s))), p =>
        {
            var words = Vocabulary.Words(p.Phrase);
            var (length, terms) = DemoVocabulary.Vocabulary.Match(words, 0);

            Assert.Equal(words.Length, length);
            Assert.Contains(new Term(TermKind.Insight, p.Name), terms);
        });
    }

    [Fact]
    public void Every_insight_kind_questions_can_name_is_understood_by_the_question_parser()
    {
        var named = InsightCatalog.All.Where(i => i.Synonyms.Count > 0).Select(i => i.Name);
        Assert.Equal(named.Order(StringComparer.Ordinal), s_insightQuestions.Keys.Order(StringComparer.Ordinal));
        Assert.All(s_insightQuestions, q => Assert.Equal(q.Key, Assert.Single(DemoVocabulary.Parse(q.Value).Asks).Insight));
    }

    [Fact]
    public void Every_insight_kind_of_the_catalogue_is_accepted_from_a_language_model_and_an_unknown_one_is_not()
    {
        using var workspace = DuckDbWorkspace.Open(":memory:");
        var runner = new AskRunner(new DuckDbQueryStore(workspace), new SemanticModel(DemoVocabulary.Catalog), WorkspaceConfiguration.Empty, AccountScope.All, DemoVocabulary.AsOf);
        var validator = new AskValidator(DemoVocabulary.Values, runner);

        foreach (var insight in InsightCatalog.All)
        {
            validator.Check([new QueryAsk { Insight = insight.Name, AsOf = DemoVocabulary.AsOf }]);
        }
        var error = Assert.Throws<UsageLensException>(() => validator.Check([new QueryAsk { Insight = "churn_risk", AsOf = DemoVocabulary.AsOf }]));
        Assert.StartsWith("the language model named an unknown insight 'churn_risk'; known: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("churn-risk", error.Message, StringComparison.Ordinal);
    }
}
