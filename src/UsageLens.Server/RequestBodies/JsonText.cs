using System.Text.Json;

namespace UsageLens.Server.RequestBodies;

/// <summary>
/// A JSON string may escape a lone UTF-16 surrogate (<c>"\ud800"</c>): valid JSON grammar, but no text. System.Text.Json
/// throws only when such a string is decoded, which would surface as a 500 deep inside a reader; this finds it first.
/// </summary>
internal static class JsonText
{
    /// <summary>Why the body is not Unicode text, or <see langword="null"/>; malformed JSON is left to the parser to report.</summary>
    public static string? InvalidEscape(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && !Decodes(ref reader))
                {
                    return $"the body is not valid Unicode text: the string at byte {reader.TokenStartIndex} escapes an unpaired surrogate";
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static bool Decodes(ref Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
