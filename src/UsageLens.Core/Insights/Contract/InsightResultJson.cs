using System.Text.Json.Serialization;
using UsageLens.Core.Kpis.Contract;

namespace UsageLens.Core.Insights.Contract;

/// <summary>
/// The JSON form of a computed insight, as <c>usagelens insights --format json</c>,
/// <c>GET /api/v1/insights/{name}</c> and an insight answer of <c>ask</c> all write it: the rule or
/// model, the figures it used, the series it analysed, each finding with its reason, and a summary.
/// </summary>
public sealed record InsightResultJson : AnswerJson
{
    [JsonPropertyName("insight")]
    public required string Insight { get; init; }

    /// <summary>The day it was computed as of (<c>YYYY-MM-DD</c>); nothing on or after it was read.</summary>
    [JsonPropertyName("as_of")]
    public required string AsOf { get; init; }

    [JsonPropertyName("method")]
    public required string Method { get; init; }

    [JsonPropertyName("summary")]
    public required string Summary { get; init; }

    [JsonPropertyName("figures")]
    public required IReadOnlyList<InsightValueJson> Figures { get; init; }

    [JsonPropertyName("series")]
    public required IReadOnlyList<InsightPointJson> Series { get; init; }

    /// <summary>What it found, strongest first.</summary>
    [JsonPropertyName("findings")]
    public required IReadOnlyList<InsightFindingJson> Findings { get; init; }

    /// <summary>How many findings there are in all when the request's <c>limit</c> returned fewer; absent otherwise.</summary>
    [JsonPropertyName("findings_total")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? FindingsTotal { get; init; }

    /// <summary>The SQL that ran, in order; empty unless asked for.</summary>
    [JsonPropertyName("sql")]
    public required IReadOnlyList<string> Sql { get; init; }
}
