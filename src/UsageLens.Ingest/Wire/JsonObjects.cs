using System.Text;
using System.Text.Json;

namespace UsageLens.Ingest.Wire;

internal static class JsonObjects
{
    /// <summary>
    /// The members of <paramref name="source"/> other than <paramref name="recognised"/>, as a JSON object text;
    /// <see langword="null"/> when nothing remains, so an update never writes an empty traits object.
    /// </summary>
    public static string? Remaining(JsonElement? source, IReadOnlySet<string> recognised)
    {
        if (source is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var written = 0;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var member in element.EnumerateObject())
            {
                if (!recognised.Contains(member.Name))
                {
                    member.WriteTo(writer);
                    written++;
                }
            }
            writer.WriteEndObject();
        }
        return written == 0 ? null : Encoding.UTF8.GetString(buffer.ToArray());
    }
}
