using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace UsageLens.Core.Kpis.Contract;

/// <summary>
/// The JSON form of a KPI result, as cli.md specifies it; <c>usagelens kpi --format json</c>, the
/// HTTP API and each answer of <c>ask</c> all write this record. Optional fields are left out, not null.
/// </summary>
public sealed record KpiResultJson : AnswerJson
{
    [JsonPropertyName("kpi")]
    public required string Kpi { get; init; }

    [JsonPropertyName("metric")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Metric { get; init; }

    /// <summary>The period's start, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    [JsonPropertyName("from")]
    public required string From { get; init; }

    /// <summary>The period's exclusive end, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    [JsonPropertyName("to")]
    public required string To { get; init; }

    /// <summary>Null when the KPI has no value (nothing to divide by), never left out.</summary>
    [JsonPropertyName("value")]
    public double? Value { get; init; }

    [JsonPropertyName("unit")]
    public required string Unit { get; init; }

    /// <summary>The figures the value was computed from, by name.</summary>
    [JsonPropertyName("parts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, double?>? Parts { get; init; }

    [JsonPropertyName("previous")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public KpiPreviousJson? Previous { get; init; }

    /// <summary>The accounts the value is about, when it names some (the top accounts).</summary>
    [JsonPropertyName("accounts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Accounts { get; init; }

    /// <summary>
    /// The breakdown: each row's keys (<c>period</c>, then the group-by dimensions by name, whose
    /// names depend on the request), then <c>value</c> and <c>parts</c>, in that order.
    /// </summary>
    [JsonPropertyName("rows")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonObject>? Rows { get; init; }

    /// <summary>The SQL statements that ran, when asked for.</summary>
    [JsonPropertyName("sql")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Sql { get; init; }

    /// <summary>In an ask's answer, the same KPI over the period the question compares with.</summary>
    [JsonPropertyName("compared")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public KpiResultJson? Compared { get; init; }
}
