using System.Text.Json.Serialization;

namespace UsageLens.Core.Kpis;

/// <summary>What a KPI does with a metric (<c>--metric</c>, or the metered event a question names).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KpiMetricUse>))]
public enum KpiMetricUse
{
    /// <summary>The KPI takes no metric: naming one is an error.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>The metric is what the KPI measures, passed as <c>--metric</c>.</summary>
    [JsonStringEnumMemberName("measured")]
    Measured,

    /// <summary>The metric is the value of one of the KPI's options, such as feature-adoption's <c>feature</c>.</summary>
    [JsonStringEnumMemberName("option")]
    Option,
}
