using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using UsageLens.Core.Kpis;

namespace UsageLens.Questions.Answers;

/// <summary>
/// The JSON of an answer, as cli.md shows it: question, interpretation, answers (one KPI object per
/// ask), sql; plus the structured asks, the chart kind and the comparison periods' results.
/// </summary>
public static class AskJson
{
    // Interpretations use "·" and "—"; the relaxed encoder keeps them readable instead of \u escapes.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(AskAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            writer.WriteStartObject();
            writer.WriteString("question", answer.Query.Question);
            writer.WriteString("interpretation", answer.Query.Interpretation);
            Strings(writer, "corrections", answer.Query.Corrections);
            writer.WriteString("read_by", answer.Query.ReadBy);
            writer.WriteString("chart", answer.Chart.ToString().ToLowerInvariant());
            writer.WriteStartArray("asks");
            foreach (var ask in answer.Query.Asks)
            {
                QueryAskJson.Write(writer, ask);
            }
            writer.WriteEndArray();
            writer.WriteStartArray("answers");
            foreach (var outcome in answer.Outcomes)
            {
                Outcome(writer, outcome);
            }
            writer.WriteEndArray();
            Strings(writer, "sql", answer.Sql);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary><c>{"error":..., "suggestions":[...], "readings":[...]}</c> for a question that was not understood.</summary>
    public static string Error(string message, IReadOnlyList<string> suggestions, IReadOnlyList<string> readings)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        ArgumentNullException.ThrowIfNull(readings);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteStartArray("suggestions");
            foreach (var suggestion in suggestions)
            {
                writer.WriteStringValue(suggestion);
            }
            writer.WriteEndArray();
            if (readings.Count > 0)
            {
                Strings(writer, "readings", readings);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Outcome(Utf8JsonWriter writer, AskOutcome outcome)
    {
        if (outcome.Result is null)
        {
            writer.WriteStartObject();
            writer.WriteString("insight", outcome.Ask.Insight);
            writer.WriteString("status", "not available yet");
            writer.WriteString("message", outcome.NotAvailable);
            writer.WriteEndObject();
            return;
        }
        using var kpi = JsonDocument.Parse(KpiJson.Serialize(outcome.Result));
        writer.WriteStartObject();
        foreach (var property in kpi.RootElement.EnumerateObject())
        {
            property.WriteTo(writer);
        }
        if (outcome.Compared is { } compared)
        {
            writer.WritePropertyName("compared");
            KpiJson.Write(writer, compared);
        }
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0 && name != "sql")
        {
            return;
        }
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }
}
