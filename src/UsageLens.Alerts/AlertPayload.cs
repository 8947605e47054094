using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using UsageLens.Core.Configuration.Alerts;

namespace UsageLens.Alerts;

/// <summary>The JSON body posted for a firing, and its idempotency key.</summary>
internal static class AlertPayload
{
    /// <summary>
    /// The rule, the subject, the state it fired in and how many states were recorded for the subject
    /// before: the same transition gets the same key when it is fired again after a failed delivery, and a
    /// later, separate transition into the same state gets another.
    /// </summary>
    public static string Key(AlertRule rule, AlertObservation observation, AlertSubjectState? previous)
    {
        var text = $"{rule.Name}\n{observation.Subject}\n{observation.State}\n{previous?.Changes ?? 0}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    public static string Body(AlertRule rule, AlertObservation observation, string key, string? previous, DateOnly asOf, DateTimeOffset firedAt)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", key);
            json.WriteString("rule", rule.Name);
            json.WriteString("kind", rule.Kind);
            json.WriteString("subject", observation.Subject);
            json.WriteString("as_of", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("fired_at", firedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            if (previous is null)
            {
                json.WriteNull("previous");
            }
            else
            {
                json.WriteString("previous", previous);
            }
            json.WriteString("state", observation.State);
            json.WriteString("summary", observation.Summary);
            json.WriteStartObject("values");
            foreach (var value in observation.Values)
            {
                if (value.Number is { } number && double.IsFinite(number))
                {
                    json.WriteNumber(value.Name, number);
                }
                else if (value.Text is { } text)
                {
                    json.WriteString(value.Name, text);
                }
                else
                {
                    json.WriteNull(value.Name);
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
