using System.Text.Json.Serialization;

namespace UsageLens.Core.Kpis;

/// <summary>The chart a KPI's single answer is drawn as: one number, a line, bars or a table of its rows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KpiChart>))]
public enum KpiChart
{
    [JsonStringEnumMemberName("number")]
    Number,
    [JsonStringEnumMemberName("line")]
    Line,
    [JsonStringEnumMemberName("bar")]
    Bar,
    [JsonStringEnumMemberName("table")]
    Table,
}
