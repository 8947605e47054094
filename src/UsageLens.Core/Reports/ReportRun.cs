using System.Text.Json;

namespace UsageLens.Core.Reports;

/// <summary>One run of a scheduled report: when, as of which day, the file made and where it went, kept in <c>report_runs</c>.</summary>
/// <param name="Report">The report's name in the configuration.</param>
/// <param name="PartnerId">The partner the report is scoped to; null for every account.</param>
/// <param name="RanAt">When it ran (UTC).</param>
/// <param name="AsOf">The day its figures are as of (data before that day).</param>
/// <param name="Status">delivered when every destination took the file, else failed.</param>
/// <param name="FileName">The file's name; null when it could not be made.</param>
/// <param name="Deliveries">Each destination's outcome.</param>
/// <param name="Error">Why the file could not be made; null when it was.</param>
public sealed record ReportRun(string Report, string? PartnerId, DateTime RanAt, DateOnly AsOf, string Status, string? FileName, IReadOnlyList<ReportDelivery> Deliveries, string? Error)
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The deliveries as stored: a JSON array of objects.</summary>
    public string DeliveriesJson() => JsonSerializer.Serialize(Deliveries, s_json);

    /// <summary>Reads deliveries stored by <see cref="DeliveriesJson"/>.</summary>
    public static IReadOnlyList<ReportDelivery> ParseDeliveries(string json) =>
        JsonSerializer.Deserialize<List<ReportDelivery>>(json, s_json) ?? [];
}
