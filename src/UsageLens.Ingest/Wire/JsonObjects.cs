using System.Text;
using System.Text.Json;

namespace UsageLens.Ingest.Wire;

internal static class JsonObjects
{
    /// <summary>
    /// The members of <paramref name="source"/> other than <paramref name="recognised"/>, as a JSON object text;
    /// <see langword="null"/> when nothing remains, so an update never writes an empty traits object.
    /// </summary>
    public static string? Remaining(JsonElement? source, IReadOnlySet<string> recognised) =>
        Remaining(source, name => !recognised.Contains(name));

    /// <summary>The members of <paramref name="source"/> whose name <paramref name="kept"/> accepts, as for the set overload.</summary>
    public static string? Remaining(JsonElement? source, Func<string, bool> kept)
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
                if (kept(member.Name))
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
