using UsageLens.Core;
using YamlDotNet.RepresentationModel;

namespace UsageLens.Configuration;

/// <summary>
/// Reads the <c>questions</c> section: <c>synonyms</c> (a word or phrase → a metered event, a KPI or
/// dimension=value) and <c>week_start</c> (the day weeks start on, default monday).
/// </summary>
internal static class QuestionSettingsReader
{
    public static (Dictionary<string, string> Synonyms, DayOfWeek WeekStart, string? LlmUrl, string? LlmModel) Read(string file, YamlMappingNode questions)
    {
        WorkspaceConfigurationReader.RefuseUnknown(file, "questions", questions, "synonyms", "week_start", "llm");
        var synonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        if (WorkspaceConfigurationReader.Child(questions, "synonyms") is { } node)
        {
            foreach (var (key, value) in WorkspaceConfigurationReader.Mapping(file, "questions.synonyms", node).Children)
            {
                var word = ((YamlScalarNode)key).Value?.Trim() ?? "";
                var meaning = (value as YamlScalarNode)?.Value?.Trim();
                if (word.Length == 0 || string.IsNullOrEmpty(meaning))
                {
                    throw new UsageLensException($"{file}: questions.synonyms.{word}: give a word and what it means, for example 'calls: api_call' (line {key.Start.Line})");
                }
                synonyms[word.ToLowerInvariant()] = meaning;
            }
        }
        var weekStart = DayOfWeek.Monday;
        if (WorkspaceConfigurationReader.Child(questions, "week_start") is { } start)
        {
            var text = (start as YamlScalarNode)?.Value?.Trim() ?? "";
            weekStart = Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var day) && !int.TryParse(text, out _)
                ? day
                : throw new UsageLensException($"{file}: questions.week_start: '{text}' must be a day name such as monday or sunday (line {start.Start.Line})");
        }
        var (url, model) = WorkspaceConfigurationReader.Child(questions, "llm") is { } llm ? LanguageModel(file, WorkspaceConfigurationReader.Mapping(file, "questions.llm", llm)) : (null, null);
        return (synonyms, weekStart, url, model);
    }

    // The key is never read from the file: it comes from USAGELENS_LLM_KEY, so the file can be shared.
    private static (string? Url, string? Model) LanguageModel(string file, YamlMappingNode llm)
    {
        WorkspaceConfigurationReader.RefuseUnknown(file, "questions.llm", llm, "url", "model");
        var url = (WorkspaceConfigurationReader.Child(llm, "url") as YamlScalarNode)?.Value?.Trim();
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw new UsageLensException($"{file}: questions.llm.url: '{url}' must be an http or https URL");
        }
        return (url, (WorkspaceConfigurationReader.Child(llm, "model") as YamlScalarNode)?.Value?.Trim());
    }
}
