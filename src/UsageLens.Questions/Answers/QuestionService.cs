using UsageLens.Core.Configuration;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;
using UsageLens.Questions.LanguageModel;

namespace UsageLens.Questions.Answers;

/// <summary>
/// Answers a question against a workspace: reads its vocabulary (catalog, values, configured
/// synonyms), parses offline, and runs. When the offline parser cannot place a word and a language
/// model is configured, the model's structured query is tried instead, validated before it runs.
/// The CLI and the HTTP API both come through here.
/// </summary>
public static class QuestionService
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<QuestionParser> ParserAsync(IQueryStore store, WorkspaceConfiguration configuration, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(configuration);
        var catalog = await store.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var values = await WorkspaceValuesReader.ReadAsync(store, cancellationToken, catalog.AccountTraits).ConfigureAwait(false);
        return Parser(catalog, values, configuration, today);
    }

    public static async Task<AskAnswer> AnswerAsync(string question, IQueryStore store, WorkspaceConfiguration configuration, AccountScope scope, DateOnly today, CancellationToken cancellationToken, HttpClient? http = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(configuration);
        _ = QuestionText.Check(question);
        var catalog = await store.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var values = await WorkspaceValuesReader.ReadAsync(store, cancellationToken, catalog.AccountTraits).ConfigureAwait(false);
        return await AnswerAsync(question, store, catalog, values, configuration, scope, today, cancellationToken, http, environment).ConfigureAwait(false);
    }

    /// <summary>Answers with a catalog and values the caller already holds (the server keeps them until the next write).</summary>
    public static async Task<AskAnswer> AnswerAsync(
        string question, IQueryStore store, WorkspaceCatalog catalog, WorkspaceValues values, WorkspaceConfiguration configuration, AccountScope scope, DateOnly today,
        CancellationToken cancellationToken, HttpClient? http = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(configuration);
        var text = QuestionText.Check(question);
        ArgumentNullException.ThrowIfNull(scope);
        values = values.For(scope);
        var runner = new AskRunner(store, new SemanticModel(catalog, configuration), configuration, scope, today, configuration.WeekStart);
        StructuredQuery query;
        try
        {
            query = Parser(catalog, values, configuration, today).Parse(text);
        }
        catch (QuestionNotUnderstoodException refusal) when (!refusal.IsAmbiguous
            && LanguageModelOptions.From(configuration.LanguageModelUrl, configuration.LanguageModelName, environment ?? Environment.GetEnvironmentVariable) is { } options)
        {
            var model = new LanguageModelParser(http ?? s_http, options, new AskValidator(values, runner), today);
            query = await model.ParseAsync(text, catalog.MeterUnits.Keys, cancellationToken).ConfigureAwait(false);
        }
        return await runner.RunAsync(query, cancellationToken).ConfigureAwait(false);
    }

    private static QuestionParser Parser(WorkspaceCatalog catalog, WorkspaceValues values, WorkspaceConfiguration configuration, DateOnly today) =>
        new(Vocabulary.Build(catalog, values, configuration.QuestionSynonyms, configuration.Source ?? "the workspace configuration"), today, configuration.WeekStart);
}
