using System.Text.Json;
using UsageLens.Core;

namespace UsageLens.Questions.Evaluation;

/// <summary>
/// Reads an evaluation set: JSON Lines, one case a line,
/// <c>{"category":..., "question":..., "expect":[asks]}</c> or <c>{..., "error":"unknown", "suggestion":"api_call"}</c>.
/// </summary>
public static class EvalSet
{
    public static IReadOnlyList<EvalCase> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new UsageLensException($"no evaluation set at '{path}'");
        }
        var cases = new List<EvalCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Trim().Length > 0)
            {
                cases.Add(Parse(line, $"{path}:{lineNumber}", lineNumber));
            }
        }
        return cases;
    }

    private static EvalCase Parse(string line, string where, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new UsageLensException($"{where}: not valid JSON ({ex.Message})", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            var category = Required(root, "category", where);
            var question = Required(root, "question", where);
            var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
            if (error is null && !root.TryGetProperty("expect", out _))
            {
                throw new UsageLensException($"{where}: a case needs 'expect' (the asks) or 'error' (unknown or ambiguous)");
            }
            var expected = error is null
                ? root.GetProperty("expect").EnumerateArray().Select((a, i) => QueryAskJson.Read(a, $"{where}: expect[{i}]")).ToList()
                : [];
            return new EvalCase(lineNumber, category, question, expected)
            {
                ExpectedError = error,
                ExpectedSuggestion = root.TryGetProperty("suggestion", out var s) ? s.GetString() : null,
            };
        }
    }

    private static string Required(JsonElement root, string name, string where) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new UsageLensException($"{where}: '{name}' is required and must be a string");
}
