using UsageLens.Core.Querying;

namespace UsageLens.Core.Tests.Querying;

public sealed class RelativePeriodTests
{
    private static readonly DateOnly s_asOf = new(2026, 11, 15); // a Sunday

    [Theory]
    [InlineData("last-month", "2026-10-01", "2026-11-01")]
    [InlineData("this-month", "2026-11-01", "2026-11-15")]
    [InlineData("last-30-days", "2026-10-16", "2026-11-15")]
    [InlineData("last-90-days", "2026-08-17", "2026-11-15")]
    [InlineData("last-6-months", "2026-05-01", "2026-11-01")]
    [InlineData("this-year", "2026-01-01", "2026-11-15")]
    [InlineData("ytd", "2026-01-01", "2026-11-15")]
    [InlineData("last-quarter", "2026-07-01", "2026-10-01")]
    [InlineData("this-quarter", "2026-10-01", "2026-11-15")]
    [InlineData("last-week", "2026-11-02", "2026-11-09")]
    [InlineData("this-week", "2026-11-09", "2026-11-15")]
    [InlineData("last-year", "2025-01-01", "2026-01-01")]
    [InlineData("yesterday", "2026-11-14", "2026-11-15")]
    [InlineData("today", "2026-11-15", "2026-11-16")]
    [InlineData("last-2-weeks", "2026-11-01", "2026-11-15")]
    public void Relative_periods_resolve_as_questions_md_defines_them(string name, string from, string to)
    {
        var period = RelativePeriod.Resolve(name, s_asOf);

        Assert.Equal((from, to), (Day(period.From), Day(period.To)));
    }

    [Fact]
    public void This_month_on_its_first_day_holds_that_day()
    {
        var period = RelativePeriod.Resolve("this-month", new DateOnly(2026, 11, 1));

        Assert.Equal(("2026-11-01", "2026-11-02"), (Day(period.From), Day(period.To)));
    }

    [Fact]
    public void Unknown_period_names_are_refused_with_the_list_of_names()
    {
        var error = Assert.Throws<UsageLensException>(() => RelativePeriod.Resolve("last-fortnight", s_asOf));

        Assert.Contains("last-month", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10-01", "2026-11-01", "2026-09-01", "2026-10-01")] // a calendar month steps back a month
    [InlineData("2026-07-01", "2026-10-01", "2026-04-01", "2026-07-01")] // a quarter steps back a quarter
    [InlineData("2026-10-16", "2026-11-15", "2026-09-16", "2026-10-16")] // 30 days step back 30 days
    public void The_previous_period_has_the_same_length(string from, string to, string previousFrom, string previousTo)
    {
        var previous = Period.Days(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)).Previous();

        Assert.Equal((previousFrom, previousTo), (Day(previous.From), Day(previous.To)));
    }

    [Fact]
    public void Week_buckets_start_on_monday_and_are_clipped_to_the_period()
    {
        var buckets = Calendar.Buckets(Period.Days(new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 17)), UsageLens.Core.Sql.Grain.Week);

        Assert.Equal(["2026-11-02", "2026-11-09", "2026-11-16"], buckets.Select(b => Day(b.Label)));
        Assert.Equal(("2026-11-04", "2026-11-09"), (Day(buckets[0].Period.From), Day(buckets[0].Period.To)));
        Assert.Equal(("2026-11-16", "2026-11-17"), (Day(buckets[2].Period.From), Day(buckets[2].Period.To)));
    }

    private static string Day(DateTime instant) => instant.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
