using System.Text.Encodings.Web;
using System.Text.Json;
using UsageLens.Core.Kpis;
using UsageLens.Core.Kpis.Contract;
using UsageLens.Insights;
using UsageLens.Questions.Contract;

namespace UsageLens.Questions.Answers;

/// <summary>Maps an answer onto <see cref="AskAnswerJson"/>, and writes it as the CLI prints it.</summary>
public static class AskJson
{
    // Interpretations use "·" and "—"; the relaxed encoder keeps them readable instead of \u escapes.
    private static readonly AskJsonContext s_relaxed = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static AskAnswerJson ToJson(AskAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new AskAnswerJson
        {
            Question = answer.Query.Question,
            Interpretation = answer.Query.Interpretation,
            Corrections = answer.Query.Corrections.Count == 0 ? null : answer.Query.Corrections,
            Ignored = answer.Query.Ignored.Count == 0 ? null : answer.Query.Ignored,
            Confidence = answer.Query.Confidence,
            ReadBy = answer.Query.ReadBy,
            Chart = answer.Chart.ToString().ToLowerInvariant(),
            Asks = [.. answer.Query.Asks.Select(QueryAskJson.Of)],
            Answers = [.. answer.Outcomes.Select(Outcome)],
            Sql = answer.Sql,
        };
    }

    public static AskErrorJson ToError(string message, IReadOnlyList<string> suggestions, IReadOnlyList<string> readings)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        ArgumentNullException.ThrowIfNull(readings);
        return new AskErrorJson { Error = message, Suggestions = suggestions, Readings = readings.Count == 0 ? null : readings };
    }

    public static string Serialize(AskAnswer answer) => JsonSerializer.Serialize(ToJson(answer), s_relaxed.AskAnswerJson);

    /// <summary><c>{"error":..., "suggestions":[...], "readings":[...]}</c> for a question that was not understood.</summary>
    public static string Error(string message, IReadOnlyList<string> suggestions, IReadOnlyList<string> readings) =>
        JsonSerializer.Serialize(ToError(message, suggestions, readings), s_relaxed.AskErrorJson);

    // An insight's SQL is listed once, in the answer's sql, like a KPI's.
    private static AnswerJson Outcome(AskOutcome outcome) =>
        outcome switch
        {
            { Insight: { } insight } => InsightJson.ToJson(insight with { Sql = [] }),
            { Result: { } result } => KpiJson.ToJson(result) with { Compared = outcome.Compared is { } compared ? KpiJson.ToJson(compared) : null },
            _ => new InsightNotAvailableJson { Insight = outcome.Ask.Insight, Message = outcome.NotAvailable },
        };
}
