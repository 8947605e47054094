namespace UsageLens.Questions.Tests;

/// <summary>The twelve examples of questions.md, at --as-of 2026-11-15 (a Sunday; weeks start on Monday).</summary>
public sealed class SpecExampleTests
{
    private static readonly DateOnly s_oct1 = new(2026, 10, 1);
    private static readonly DateOnly s_nov1 = new(2026, 11, 1);

    private static QueryAsk Single(string question)
    {
        var asks = DemoVocabulary.Parse(question).Asks;
        Assert.Single(asks);
        return asks[0];
    }

    [Fact]
    public void Total_api_calls_last_month_and_the_top_20_percent_by_revenue_are_two_asks_over_October()
    {
        var asks = DemoVocabulary.Parse("Show me the total API calls for the last month and the API calls by the top 20% of customers by revenue").Asks;

        Assert.Equal(2, asks.Count);
        Assert.True(asks[0].SameAs(new QueryAsk { Kpi = "usage", Metric = "api_call", From = s_oct1, To = s_nov1 }), asks[0].Canonical());
        Assert.True(asks[1].SameAs(new QueryAsk { Kpi = "top-customer-share", Metric = "api_call", From = s_oct1, To = s_nov1, Top = "20%", RankBy = "revenue" }), asks[1].Canonical());
    }

    [Fact]
    public void Percentage_from_the_top_10_percent_last_month_is_the_top_customer_share_by_revenue()
    {
        var ask = Single("What percentage of API calls came from our top 10% customers last month?");

        Assert.True(ask.SameAs(new QueryAsk { Kpi = "top-customer-share", Metric = "api_call", From = s_oct1, To = s_nov1, Top = "10%", RankBy = "revenue" }), ask.Canonical());
    }

    [Fact]
    public void Dau_mau_for_enterprise_over_the_last_90_days_by_week_is_weekly_stickiness_from_August_17()
    {
        var ask = Single("DAU/MAU for enterprise customers over the last 90 days by week");

        Assert.True(ask.SameAs(new QueryAsk { Kpi = "stickiness", From = new DateOnly(2026, 8, 17), To = new DateOnly(2026, 11, 15), Grain = "week", Where = ["segment=enterprise"] }), ask.Canonical());
    }

    [Fact]
    public void Mrr_by_plan_for_the_last_6_months_is_monthly_from_May_to_November()
    {
        var ask = Single("MRR by plan for the last 6 months");

        Assert.True(ask.SameAs(new QueryAsk { Kpi = "mrr", From = new DateOnly(2026, 5, 1), To = s_nov1, Grain = "month", GroupBy = ["plan"] }), ask.Canonical());
    }

    [Fact]
    public void Net_dollar_retention_this_year_is_nrr_from_January_1_to_today()
    {
        var ask = Single("net dollar retention this year");

        Assert.True(ask.SameAs(new QueryAsk { Kpi = "nrr", From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 11, 15) }), ask.Canonical());
    }

    [Fact]
    public void Reports_generated_per_segment_in_Q3_2026_is_usage_of_report_generated_by_segment()
    {
        var ask = Single("how many reports were generated per segment in Q3 2026");

        Assert.True(ask.SameAs(new QueryAsk { Kpi = "usage", Metric = "report_generated", From = new DateOnly(2026, 7, 1), To = s_oct1, GroupBy = ["segment"] }), ask.Canonical());
    }

    [Fact]
    public void Feature_adoption_of_exports_last_month_vs_the_month_before_compares_October_with_September()
    {
        var ask = Single("feature adoption of exports last month vs the month before");

        Assert.True(ask.SameAs(new QueryAsk
        {
            Kpi = "feature-adoption", Options = ["feature=export"], From = s_oct1, To = s_nov1,
            CompareFrom = new DateOnly(2026, 9, 1), CompareTo = s_oct1,
        }), ask.Canonical());
    }

    [Fact]
    public void Top_10_customers_by_storage_used_this_month_lists_accounts_from_November_1_to_today()
    {
        var ask = Single("top 10 customers by storage used this month");

        Assert.True(ask.SameAs(new QueryAsk { Kpi = "usage", Metric = "storage_used", From = s_nov1, To = new DateOnly(2026, 11, 15), GroupBy = ["account_id"], Top = "10" }), ask.Canonical());
    }

    [Fact]
    public void Churn_rate_last_quarter_is_logo_churn_over_Q3()
    {
        var ask = Single("churn rate last quarter");

        Assert.True(ask.SameAs(new QueryAsk { Kpi = "logo-churn", From = new DateOnly(2026, 7, 1), To = s_oct1 }), ask.Canonical());
    }

    [Fact]
    public void Nps_by_region_this_year_groups_by_region_from_January_1()
    {
        var ask = Single("NPS by region this year");

        Assert.True(ask.SameAs(new QueryAsk { Kpi = "nps", From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 11, 15), GroupBy = ["region"] }), ask.Canonical());
    }

    [Fact]
    public void Customers_at_risk_of_churning_is_the_churn_risk_insight_as_of_today()
    {
        var ask = Single("which customers are at risk of churning");

        Assert.True(ask.SameAs(new QueryAsk { Insight = "churn-risk", AsOf = DemoVocabulary.AsOf }), ask.Canonical());
    }

    [Fact]
    public void Api_calls_for_Northwinds_customers_last_week_filter_on_the_partner_from_Monday_November_2()
    {
        var query = DemoVocabulary.Parse("api calls for Northwind's customers last week");

        Assert.Single(query.Asks);
        Assert.True(query.Asks[0].SameAs(new QueryAsk { Kpi = "usage", Metric = "api_call", From = new DateOnly(2026, 11, 2), To = new DateOnly(2026, 11, 9), Where = ["partner_id=p-northwind"] }), query.Asks[0].Canonical());
        Assert.Equal("api_call · sum · 2026-11-02 to 2026-11-09 (weeks start Monday) · where partner_id=p-northwind", query.Interpretation);
    }

    [Fact]
    public void The_seed_example_reads_back_with_metric_aggregation_dates_and_ranking()
    {
        var query = DemoVocabulary.Parse("Show me the total API calls for the last month and the API calls by the top 20% of customers by revenue");

        Assert.Equal(
            "api_call · sum · 2026-10-01 to 2026-11-01 · all accounts; top-customer-share(api_call) · top-customer usage share · 2026-10-01 to 2026-11-01 · all accounts · top 20% of accounts by revenue",
            query.Interpretation);
    }
}
