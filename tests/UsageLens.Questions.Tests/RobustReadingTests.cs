namespace UsageLens.Questions.Tests;

/// <summary>
/// How ordinary phrasings are read (issue 13): unknown words left out, entities by name, points in
/// time, year over year, and trends and comparisons routed to the insights. Dates are relative to
/// Sunday 2026-11-15; every expected value is worked out by hand from questions.md's rules.
/// </summary>
public sealed class RobustReadingTests
{
    private static StructuredQuery Parse(string question) => DemoVocabulary.ParserWithAccounts.Parse(question);

    private static QueryAsk Ask(string question) => Assert.Single(Parse(question).Asks);

    [Fact]
    public void A_fully_understood_question_has_confidence_one_and_nothing_ignored()
    {
        var query = Parse("api calls for enterprise customers last month");

        Assert.Equal(1, query.Confidence);
        Assert.Empty(query.Ignored);
    }

    [Fact]
    public void Confidence_is_the_share_of_words_understood()
    {
        // 6 words, 2 of them ("hey", "quickly") left out: 4 / 6 = 0.67.
        var query = Parse("hey quickly api calls last month");

        Assert.Equal(["hey", "quickly"], query.Ignored);
        Assert.Equal(0.67, query.Confidence);
    }

    [Fact]
    public void A_question_with_nothing_to_measure_is_refused_with_suggestions()
    {
        var error = Assert.Throws<QuestionNotUnderstoodException>(() => Parse("how many blorbs last week"));

        Assert.False(error.IsAmbiguous);
        Assert.Contains("blorbs", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api calls for Acme Robotics last month", "account_id=acct-0001")]
    [InlineData("api calls for acme robotics gmbh last month", "account_id=acct-0001")]
    [InlineData("Acme's api calls last month", "account_id=acct-0001")]
    [InlineData("api calls for ACCT-0042 last month", "account_id=acct-0042")]
    [InlineData("api calls for Customer 00042 Ltd. last month", "account_id=acct-0042")]
    [InlineData("api calls for Harbor Media last month", "account_id=acct-0107")]
    [InlineData("api calls for Northwind last month", "partner_id=p-northwind")]
    [InlineData("api calls for partner p-northwind last month", "partner_id=p-northwind")]
    [InlineData("api calls for SMBs last month", "segment=smb")]
    public void Entities_are_found_by_id_name_and_normalised_forms(string question, string filter)
    {
        var ask = Ask(question);

        Assert.Equal([filter], ask.Where);
        Assert.Empty(ask.GroupBy);
    }

    [Fact]
    public void A_name_two_accounts_share_is_ambiguous_and_both_are_offered()
    {
        var error = Assert.Throws<QuestionNotUnderstoodException>(() => Parse("api calls for Summit last month"));

        Assert.True(error.IsAmbiguous);
        Assert.Equal(["account_id=acct-0300", "account_id=acct-0301"], error.Readings.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("MRR at the end of October", "2026-10-31", "2026-11-01")]
    [InlineData("ARPA at the end of last month", "2026-10-31", "2026-11-01")]
    [InlineData("ARR as of 1 Nov", "2026-11-01", "2026-11-02")]
    [InlineData("MRR on 2026-10-31", "2026-10-31", "2026-11-01")]
    [InlineData("MRR as of October 31st", "2026-10-31", "2026-11-01")]
    [InlineData("MRR at the end of Q3", "2026-09-30", "2026-10-01")]
    [InlineData("MRR at the start of Q3", "2026-07-01", "2026-07-02")]
    [InlineData("MRR between May and October", "2026-05-01", "2026-11-01")]
    [InlineData("MRR since June", "2026-06-01", "2026-11-15")]
    public void Points_in_time_are_one_day_and_ranges_are_whole_months(string question, string from, string to)
    {
        var ask = Ask(question);

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (ask.From!.Value, ask.To!.Value));
    }

    [Theory]
    [InlineData("api calls last month year over year", "2025-10-01", "2025-11-01")]
    [InlineData("api calls last quarter YoY", "2025-07-01", "2025-10-01")]
    [InlineData("api calls last month month over month", "2026-09-01", "2026-10-01")]
    [InlineData("api calls last month versus the same month last year", "2025-10-01", "2025-11-01")]
    public void Year_over_year_compares_with_the_same_period_a_unit_earlier(string question, string from, string to)
    {
        var ask = Ask(question);

        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), ask.CompareFrom);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), ask.CompareTo);
    }

    [Fact]
    public void How_the_top_share_changed_is_the_trend_insight_of_top_customer_share()
    {
        var ask = Ask("how has the top 20% share of api calls changed over the last 6 months");

        Assert.Equal(("trend", "top-customer-share", "api_call"), (ask.Insight, ask.Kpi, ask.Metric));
        Assert.Equal((new DateOnly(2026, 5, 1), new DateOnly(2026, 11, 1)), (ask.From!.Value, ask.To!.Value));
        Assert.Equal(("20%", "revenue"), (ask.Top, ask.RankBy));
        Assert.StartsWith("insights: trend(top-customer-share, api_call) · trend", Parse("how has the top 20% share of api calls changed over the last 6 months").Interpretation, StringComparison.Ordinal);
    }

    [Fact]
    public void Growth_after_a_measure_is_a_trend_but_the_growth_plan_stays_a_plan()
    {
        Assert.Equal("trend", Ask("MRR growth over the last 6 months").Insight);
        Assert.Equal(["plan=growth"], Ask("MRR on the growth plan last month").Where);
    }

    [Fact]
    public void Compare_with_two_values_is_the_comparison_insight_restricted_to_them()
    {
        var ask = Ask("compare api calls enterprise vs smb last quarter");

        Assert.Equal(("comparison", "usage", "api_call"), (ask.Insight, ask.Kpi, ask.Metric));
        Assert.Equal(["segment"], ask.GroupBy);
        Assert.Equal(["segment=enterprise,smb"], ask.Where);
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 1)), (ask.From!.Value, ask.To!.Value));
    }

    [Fact]
    public void Compare_across_a_dimension_is_the_comparison_insight_over_all_its_values()
    {
        var ask = Ask("compare NPS between plans this year");

        Assert.Equal(("comparison", "nps"), (ask.Insight, ask.Kpi));
        Assert.Equal(["plan"], ask.GroupBy);
        Assert.Empty(ask.Where);
    }

    [Fact]
    public void Values_set_against_each_other_without_compare_stay_one_ask_per_value()
    {
        var asks = Parse("api calls enterprise vs smb last month").Asks;

        Assert.Equal([["segment=enterprise"], ["segment=smb"]], asks.Select(a => a.Where));
        Assert.All(asks, a => Assert.Null(a.Insight));
    }
}
