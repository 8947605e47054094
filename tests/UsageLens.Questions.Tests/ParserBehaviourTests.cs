namespace UsageLens.Questions.Tests;

/// <summary>How the parser treats words it cannot place, ambiguity, typos and the configured week start.</summary>
public sealed class ParserBehaviourTests
{
    [Fact]
    public void A_value_held_by_two_dimensions_is_ambiguous_with_both_readings()
    {
        var error = Assert.Throws<QuestionNotUnderstoodException>(() => DemoVocabulary.Parse("mrr for enterprise"));

        Assert.True(error.IsAmbiguous);
        Assert.Equal(["plan=enterprise", "segment=enterprise"], error.Readings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_word_after_the_value_settles_which_dimension_is_meant()
    {
        Assert.Equal(["plan=enterprise"], DemoVocabulary.Parse("mrr on the enterprise plan").Asks[0].Where);
        Assert.Equal(["segment=enterprise"], DemoVocabulary.Parse("mrr for enterprise customers").Asks[0].Where);
    }

    [Fact]
    public void An_unplaceable_word_is_left_out_and_listed_in_the_interpretation()
    {
        var query = DemoVocabulary.Parse("api calls last month for wibble");

        Assert.Equal("api_call", query.Asks[0].Metric);
        Assert.Equal(["wibble"], query.Ignored);
        Assert.EndsWith(" · ignored: wibble", query.Interpretation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_breakdown_by_an_unknown_word_is_refused_rather_than_left_out()
    {
        var error = Assert.Throws<QuestionNotUnderstoodException>(() => DemoVocabulary.Parse("api calls last month by wibble"));

        Assert.StartsWith("unknown term 'wibble'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typo_one_edit_from_a_known_word_is_read_and_listed()
    {
        var query = DemoVocabulary.Parse("retension this year");

        Assert.Equal("retention", query.Asks[0].Kpi);
        Assert.Equal(["'retension' read as 'retention'"], query.Corrections);
    }

    [Fact]
    public void Two_measures_of_different_kinds_without_and_are_ambiguous()
    {
        var error = Assert.Throws<QuestionNotUnderstoodException>(() => DemoVocabulary.Parse("nrr grr last month"));

        Assert.Equal(["nrr", "grr"], error.Readings);
    }

    [Fact]
    public void With_weeks_starting_on_sunday_last_week_runs_from_sunday_november_8()
    {
        var parser = new QuestionParser(DemoVocabulary.Vocabulary, DemoVocabulary.AsOf, DayOfWeek.Sunday);

        var ask = parser.Parse("logins last week").Asks[0];

        // 2026-11-15 is a Sunday, so the current week starts that day and last week is Nov 8–14.
        Assert.Equal((new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 15)), (ask.From!.Value, ask.To!.Value));
    }

    [Fact]
    public void A_configured_synonym_maps_a_word_to_a_value()
    {
        var vocabulary = Vocabulary.Build(DemoVocabulary.Catalog, DemoVocabulary.Values, new Dictionary<string, string> { ["whales"] = "segment=enterprise" });

        var ask = new QuestionParser(vocabulary, DemoVocabulary.AsOf).Parse("api calls for whales last month").Asks[0];

        Assert.Equal(["segment=enterprise"], ask.Where);
    }

    [Fact]
    public void A_synonym_for_nothing_known_names_the_configuration_key()
    {
        var error = Assert.Throws<UsageLens.Core.UsageLensException>(() =>
            Vocabulary.Build(DemoVocabulary.Catalog, DemoVocabulary.Values, new Dictionary<string, string> { ["calls"] = "api_cal" }, "usagelens.yaml"));

        Assert.StartsWith("usagelens.yaml: questions.synonyms.calls: 'api_cal' is not a metered event", error.Message, StringComparison.Ordinal);
    }
}
