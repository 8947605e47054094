using UsageLens.Core;

namespace UsageLens.Questions.Tests;

/// <summary>
/// Question text never becomes SQL text: hostile words are never read into a query (they are left out
/// and listed, or the question is refused), and values the data holds (even with quotes) reach the
/// engine only as bound parameters.
/// </summary>
public sealed class InjectionTests : IDisposable
{
    private const string Drop = "'; DROP TABLE events; --";
    private readonly QuestionWorkspace _workspace = new();

    private async Task<QuestionWorkspace> SeededAsync() =>
        await _workspace
            .Partner("p-evil", "Evil'; DROP TABLE events; --")
            .Account("a1", 500, "o'brien", partner: "p-evil", region: "Zürich")
            .Account("a2", 100, "smb")
            .Usage("a1", "2026-10-03", 40).Usage("a2", "2026-10-04", 2)
            .FlushAsync();

    [Theory]
    [InlineData("api calls last month" + Drop)]
    [InlineData("api calls for segment '; DROP TABLE events; -- last month")]
    [InlineData("api calls\" OR 1=1 --")]
    [InlineData("api calls last month; DELETE FROM accounts")]
    [InlineData("api calls für 🙂 kunden")]
    public async Task Hostile_words_are_left_out_listed_and_never_reach_the_sql(string question)
    {
        var workspace = await SeededAsync();

        var answer = await workspace.AskAsync(question);

        // Only "api calls" (and a period) is read: every other word is listed as ignored.
        Assert.Equal("api_call", Assert.Single(answer.Query.Asks).Metric);
        Assert.Empty(answer.Query.Asks[0].Where);
        Assert.NotEmpty(answer.Query.Ignored);
        Assert.True(answer.Query.Confidence < 1);
        Assert.All(answer.Sql, sql => Assert.DoesNotContain("drop", sql, StringComparison.OrdinalIgnoreCase));
        Assert.All(answer.Sql, sql => Assert.DoesNotContain("delete", sql, StringComparison.OrdinalIgnoreCase));
        Assert.All(answer.Sql, sql => Assert.DoesNotContain("1=1", sql, StringComparison.Ordinal));
        Assert.Equal(2, workspace.Count("events"));
        Assert.Equal(2, workspace.Count("accounts"));
    }

    [Fact]
    public async Task A_value_with_a_quote_is_bound_and_never_appears_in_the_sql_text()
    {
        var workspace = await SeededAsync();

        var answer = await workspace.AskAsync("api calls for o'brien customers last month");

        Assert.Equal(40d, answer.Outcomes[0].Result!.Value);
        Assert.All(answer.Sql, sql => Assert.DoesNotContain("o'brien", sql, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_partner_named_like_an_injection_is_matched_by_its_words_and_bound_by_id()
    {
        var workspace = await SeededAsync();

        var answer = await workspace.AskAsync("api calls in zürich for evil customers last month");

        Assert.Equal(40d, answer.Outcomes[0].Result!.Value);
        Assert.All(answer.Sql, sql => Assert.DoesNotContain("DROP", sql, StringComparison.OrdinalIgnoreCase));
        Assert.All(answer.Sql, sql => Assert.DoesNotContain("p-evil", sql, StringComparison.Ordinal));
        Assert.Equal(2, workspace.Count("events"));
    }

    [Fact]
    public void A_question_over_1000_characters_is_refused()
    {
        var error = Assert.Throws<UsageLensException>(() => DemoVocabulary.Parse(string.Concat(Enumerable.Repeat("api calls ", 101))));

        Assert.Contains("at most 1000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api calls\0last month")]
    [InlineData("api\u0007calls")]
    public void Binary_or_control_characters_are_refused(string question)
    {
        Assert.Throws<UsageLensException>(() => DemoVocabulary.Parse(question));
    }

    [Fact]
    public void A_broken_surrogate_is_refused()
    {
        Assert.Throws<UsageLensException>(() => DemoVocabulary.Parse("api calls " + (char)0xD800 + " last month"));
    }

    public void Dispose() => _workspace.Dispose();
}
