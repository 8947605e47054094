using System.Text.Json.Serialization;

namespace UsageLens.Core.Kpis;

/// <summary>What a KPI parameter's value is: free text, a calendar date, or a switch that is on or off.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KpiParameterKind>))]
public enum KpiParameterKind
{
    [JsonStringEnumMemberName("text")]
    Text,

    /// <summary>A calendar date, YYYY-MM-DD.</summary>
    [JsonStringEnumMemberName("date")]
    Date,

    /// <summary>On or off (<c>true</c>/<c>false</c> over HTTP; a flag on the CLI that flips the default).</summary>
    [JsonStringEnumMemberName("switch")]
    Switch,
}
