namespace UsageLens.Questions.LanguageModel;

/// <summary>
/// Where the optional language-model adapter sends questions: an OpenAI-compatible base URL (the
/// adapter posts to <c>{Url}/chat/completions</c>), the model name and the bearer key. Off unless a URL is set.
/// </summary>
public sealed record LanguageModelOptions(Uri Url, string Model, string? Key)
{
    /// <summary>The environment variables that configure the adapter when the workspace configuration does not.</summary>
    public const string UrlVariable = "USAGELENS_LLM_URL";
    public const string ModelVariable = "USAGELENS_LLM_MODEL";
    public const string KeyVariable = "USAGELENS_LLM_KEY";

    /// <summary>The adapter's settings from the configuration (<c>questions.llm</c>) or the environment; null when neither sets a URL.</summary>
    public static LanguageModelOptions? From(string? configuredUrl, string? configuredModel, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var url = configuredUrl ?? environment(UrlVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        if (!Uri.TryCreate(url.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new Core.UsageLensException($"questions.llm.url '{url}' must be an http or https URL");
        }
        return new LanguageModelOptions(uri, configuredModel ?? environment(ModelVariable) ?? "gpt-4o-mini", environment(KeyVariable));
    }
}
