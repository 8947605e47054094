using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using UsageLens.Core.Insights.Contract;

namespace UsageLens.Insights;

/// <summary>
/// The JSON form of an <see cref="InsightResult"/>, <see cref="InsightResultJson"/>, shared by
/// <c>usagelens insights --format json</c>, <c>GET /api/v1/insights/{name}</c> and the insight
/// answers of <c>usagelens ask</c>: written by a source-generated serializer so the shape is the
/// contract's and nothing else.
/// </summary>
public static class InsightJson
{
    // Relaxed escaping keeps the plain words readable ("weekday's", "×") in a UTF-8 response.
    private static readonly InsightContractJsonContext s_relaxed = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static string Serialize(InsightResult result) => JsonSerializer.Serialize(ToJson(result), s_relaxed.InsightResultJson);

    public static InsightResultJson ToJson(InsightResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new InsightResultJson
        {
            Insight = result.Insight,
            AsOf = result.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Method = result.Method,
            Summary = result.Summary,
            Figures = [.. result.Figures.Select(Value)],
            Series = [.. result.Series.Select(p => new InsightPointJson { Label = p.Label, Value = p.Value })],
            Findings = [.. result.Findings.Select(Finding)],
            Sql = result.Sql,
        };
    }

    /// <summary>One finding as the insight contract writes it.</summary>
    public static InsightFindingJson ToJson(InsightFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Finding(finding);
    }

    private static InsightFindingJson Finding(InsightFinding finding) => new()
    {
        Subject = finding.Subject,
        Kind = finding.Kind,
        Score = finding.Score,
        Why = finding.Why,
        Values = [.. finding.Values.Select(Value)],
    };

    private static InsightValueJson Value(InsightValue value) => new() { Name = value.Name, Number = value.Number, Text = value.Text };
}
