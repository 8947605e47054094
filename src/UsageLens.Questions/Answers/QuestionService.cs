using UsageLens.Core.Configuration;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;

namespace UsageLens.Questions.Answers;

/// <summary>
/// Answers a question against a workspace: reads its vocabulary (catalog, values, configured
/// synonyms), parses, and runs. The CLI and the HTTP API both come through here.
/// </summary>
public static class QuestionService
{
    public static async Task<QuestionParser> ParserAsync(IQueryStore store, WorkspaceConfiguration configuration, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(configuration);
        var catalog = await store.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var values = await WorkspaceValuesReader.ReadAsync(store, cancellationToken).ConfigureAwait(false);
        var vocabulary = Vocabulary.Build(catalog, values, configuration.QuestionSynonyms, configuration.Source ?? "the workspace configuration");
        return new QuestionParser(vocabulary, today, configuration.WeekStart);
    }

    public static async Task<AskAnswer> AnswerAsync(string question, IQueryStore store, WorkspaceConfiguration configuration, AccountScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = QuestionText.Check(question);
        var parser = await ParserAsync(store, configuration, today, cancellationToken).ConfigureAwait(false);
        var query = parser.Parse(text);
        var context = await KpiContext.CreateAsync(store, cancellationToken, configuration).ConfigureAwait(false);
        var runner = new AskRunner(store, context.Model, configuration, scope, today, configuration.WeekStart);
        return await runner.RunAsync(query, cancellationToken).ConfigureAwait(false);
    }
}
