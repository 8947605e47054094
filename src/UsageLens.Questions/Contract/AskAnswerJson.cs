using System.Text.Json.Serialization;
using UsageLens.Core.Kpis.Contract;

namespace UsageLens.Questions.Contract;

/// <summary>
/// The JSON of an answer, as cli.md shows it: question, interpretation, answers (one KPI result per
/// ask), sql; plus the structured asks, the chart kind and the comparison periods' results.
/// </summary>
public sealed record AskAnswerJson
{
    [JsonPropertyName("question")]
    public required string Question { get; init; }

    [JsonPropertyName("interpretation")]
    public required string Interpretation { get; init; }

    /// <summary>The typos corrected on the way, left out when there were none.</summary>
    [JsonPropertyName("corrections")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Corrections { get; init; }

    /// <summary>Who read the question: <c>parser</c> or <c>language model</c>.</summary>
    [JsonPropertyName("ignored")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Ignored { get; init; }

    [JsonPropertyName("confidence")]
    public required double Confidence { get; init; }

    [JsonPropertyName("read_by")]
    public required string ReadBy { get; init; }

    /// <summary>number, line, bar or table.</summary>
    [JsonPropertyName("chart")]
    public required string Chart { get; init; }

    [JsonPropertyName("asks")]
    public required IReadOnlyList<QueryAskJson> Asks { get; init; }

    [JsonPropertyName("answers")]
    public required IReadOnlyList<AnswerJson> Answers { get; init; }

    [JsonPropertyName("sql")]
    public required IReadOnlyList<string> Sql { get; init; }
}
