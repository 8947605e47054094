using UsageLens.Core;

namespace UsageLens.Configuration.Tests;

public sealed class QuestionSettingsReaderTests
{
    [Fact]
    public void Synonyms_and_the_week_start_are_read_from_the_questions_section()
    {
        var configuration = WorkspaceConfigurationReader.Read("c.yaml", "questions:\n  synonyms:\n    Calls: api_call\n    big customers: segment=enterprise\n  week_start: sunday\n");

        Assert.Equal("api_call", configuration.QuestionSynonyms["calls"]);
        Assert.Equal("segment=enterprise", configuration.QuestionSynonyms["big customers"]);
        Assert.Equal(DayOfWeek.Sunday, configuration.WeekStart);
    }

    [Fact]
    public void Without_a_questions_section_weeks_start_on_monday_and_there_are_no_synonyms()
    {
        var configuration = WorkspaceConfigurationReader.Read("c.yaml", "rate_plans: {}\n");

        Assert.Empty(configuration.QuestionSynonyms);
        Assert.Equal(DayOfWeek.Monday, configuration.WeekStart);
    }

    [Fact]
    public void The_language_model_is_off_unless_questions_llm_names_a_url()
    {
        var on = WorkspaceConfigurationReader.Read("c.yaml", "questions:\n  llm:\n    url: http://127.0.0.1:8080/v1\n    model: small\n");

        Assert.Equal("http://127.0.0.1:8080/v1", on.LanguageModelUrl);
        Assert.Equal("small", on.LanguageModelName);
        Assert.Null(WorkspaceConfigurationReader.Read("c.yaml", "questions: {}\n").LanguageModelUrl);
    }

    [Theory]
    [InlineData("questions:\n  llm:\n    url: ftp://x\n", "c.yaml: questions.llm.url: 'ftp://x'")]
    [InlineData("questions:\n  llm:\n    key: sk-1\n", "c.yaml: questions.llm")]
    [InlineData("questions:\n  week_start: someday\n", "c.yaml: questions.week_start: 'someday'")]
    [InlineData("questions:\n  synonyms:\n    calls: \n", "c.yaml: questions.synonyms.calls:")]
    [InlineData("questions:\n  synonym: {}\n", "c.yaml: questions")]
    public void Mistakes_in_the_questions_section_name_the_key_path(string text, string message)
    {
        var error = Assert.Throws<UsageLensException>(() => WorkspaceConfigurationReader.Read("c.yaml", text));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
