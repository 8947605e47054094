using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using UsageLens.Core.Kpis.Contract;

namespace UsageLens.Core.Kpis;

/// <summary>The JSON form of a KPI result, as cli.md specifies it: maps a result onto <see cref="KpiResultJson"/>.</summary>
public static class KpiJson
{
    private static readonly KpiJsonContext s_indented = new(new JsonSerializerOptions { WriteIndented = true });

    public static KpiResultJson ToJson(KpiResult result, bool includeSql = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new KpiResultJson
        {
            Kpi = result.Kpi,
            Metric = result.Metric,
            From = Instant(result.Period.From),
            To = Instant(result.Period.To),
            Value = Finite(result.Value),
            Unit = result.Unit,
            Parts = Parts(result.Parts),
            Previous = result.Previous is { } previous
                ? new KpiPreviousJson { From = Instant(previous.Period.From), To = Instant(previous.Period.To), Value = Finite(previous.Value), Parts = Parts(previous.Parts) }
                : null,
            Accounts = result.Accounts,
            Rows = result.Rows?.Select(Row).ToList(),
            Sql = includeSql ? result.Sql : null,
        };
    }

    public static string Serialize(KpiResult result, bool includeSql = false, bool indented = false) =>
        JsonSerializer.Serialize(ToJson(result, includeSql), indented ? s_indented.KpiResultJson : KpiJsonContext.Default.KpiResultJson);

    // A row's keys come first and are named by the request (period, then each group-by dimension),
    // so the row is an ordered object rather than a fixed record.
    private static JsonObject Row(KpiRow row)
    {
        var json = new JsonObject();
        foreach (var (key, value) in row.Keys)
        {
            json[key] = value;
        }
        json["value"] = Finite(row.Value);
        if (row.Parts.Count > 0)
        {
            var parts = new JsonObject();
            foreach (var part in row.Parts)
            {
                parts[part.Name] = Finite(part.Value);
            }
            json["parts"] = parts;
        }
        return json;
    }

    private static Dictionary<string, double?>? Parts(IReadOnlyList<KpiPart> parts)
    {
        if (parts.Count == 0)
        {
            return null;
        }
        var named = new Dictionary<string, double?>(parts.Count, StringComparer.Ordinal);
        foreach (var part in parts)
        {
            named[part.Name] = Finite(part.Value);
        }
        return named;
    }

    // JSON has no NaN or infinity; a value that cannot be computed is null.
    private static double? Finite(double? value) => value is { } number && double.IsFinite(number) ? number : null;

    private static string Instant(DateTime instant) => instant.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
