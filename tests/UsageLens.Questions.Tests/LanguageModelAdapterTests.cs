using UsageLens.Core;
using UsageLens.Core.Configuration;
using UsageLens.Core.Semantics;
using UsageLens.Questions.Answers;

namespace UsageLens.Questions.Tests;

/// <summary>
/// The optional language-model adapter against a fake endpoint on loopback. The offline parser
/// cannot read "gizmo" and the model's structured query is validated before anything runs.
/// October 2026: a1 (enterprise) 600 API calls, a2 (smb) 400.
/// </summary>
public sealed class LanguageModelAdapterTests : IDisposable
{
    private const string Question = "gizmo throughput last month";
    private readonly QuestionWorkspace _workspace = new();

    private async Task<QuestionWorkspace> SeededAsync() =>
        await _workspace
            .Account("a1", 500, "enterprise").Account("a2", 100, "smb")
            .Usage("a1", "2026-10-03", 600).Usage("a2", "2026-10-04", 400)
            .FlushAsync();

    private static Task<AskAnswer> AskAsync(QuestionWorkspace workspace, FakeLanguageModel? model) =>
        QuestionService.AnswerAsync(Question, workspace.Store, WorkspaceConfiguration.Empty with { LanguageModelUrl = model?.Url.ToString() }, AccountScope.All, DemoVocabulary.AsOf, default,
            environment: name => name == "USAGELENS_LLM_KEY" ? "sk-test" : null);

    [Fact]
    public async Task A_valid_structured_query_from_the_model_runs_and_says_who_read_it()
    {
        var workspace = await SeededAsync();
        await using var model = await FakeLanguageModel.StartAsync("""{"asks":[{"kpi":"usage","metric":"api_call","from":"2026-10-01","to":"2026-11-01","where":["segment=smb"]}]}""");

        var answer = await AskAsync(workspace, model);

        Assert.Equal(400d, answer.Outcomes[0].Result!.Value);
        Assert.Equal("language model", answer.Query.ReadBy);
        Assert.Equal("Bearer sk-test", Assert.Single(model.Authorizations));
        Assert.Contains(Question, model.Requests[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"asks":[{"kpi":"usage","metric":"bananas","from":"2026-10-01","to":"2026-11-01"}]}""", "bananas")]
    [InlineData("""{"asks":[{"kpi":"usage","metric":"api_call","from":"2026-10-01","to":"2026-11-01","where":["segment=smb'; DROP TABLE events; --"]}]}""", "looks like SQL")]
    [InlineData("""{"sql":"SELECT * FROM events"}""", "must be exactly")]
    [InlineData("""{"asks":[{"kpi":"usage","metric":"api_call","from":"2026-10-01","to":"2026-11-01","sql":"DROP TABLE events"}]}""", "unknown key")]
    [InlineData("""{"asks":[{"kpi":"usage","metric":"api_call","from":"2026-10-01","to":"2026-11-01","where":["segment=galactic"]}]}""", "not a segment")]
    [InlineData("""{"asks":[{"kpi":"world-peace","from":"2026-10-01","to":"2026-11-01"}]}""", "unknown KPI")]
    [InlineData("DROP TABLE events;", "not the structured query")]
    public async Task A_model_answer_outside_the_semantic_layer_is_refused_before_anything_runs(string content, string reason)
    {
        var workspace = await SeededAsync();
        await using var model = await FakeLanguageModel.StartAsync(content);

        var error = await Assert.ThrowsAsync<UsageLensException>(() => AskAsync(workspace, model));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, workspace.Count("events"));
    }

    [Fact]
    public async Task Without_a_configured_model_the_unknown_word_is_reported()
    {
        var workspace = await SeededAsync();

        var error = await Assert.ThrowsAsync<QuestionNotUnderstoodException>(() => AskAsync(workspace, null));

        Assert.StartsWith("unknown term 'gizmo'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
