using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace UsageLens.Server.Authentication;

/// <summary>
/// Finds the key a client presented: Segment-style HTTP Basic (key as user name, empty password),
/// a Bearer token, or, as Segment also accepts, a <c>writeKey</c> member of the JSON body (PostHog's SDKs send
/// theirs as <c>api_key</c> there).
/// </summary>
internal static class PresentedKey
{
    public static string? From(HttpRequest request, ReadOnlyMemory<byte>? body)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header))
        {
            return header.Scheme.ToUpperInvariant() switch
            {
                "BASIC" => BasicUserName(header.Parameter),
                "BEARER" => header.Parameter,
                _ => null,
            };
        }
        return body is { } bytes ? WriteKey(bytes.Span) : null;
    }

    private static string? BasicUserName(string? parameter)
    {
        if (parameter is null)
        {
            return null;
        }
        var buffer = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, buffer, out var length))
        {
            return null;
        }
        var credentials = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? credentials : credentials[..colon];
    }

    // Scans only the top level of the body; a malformed body simply has no key.
    private static string? WriteKey(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isWriteKey = reader.ValueTextEquals("writeKey"u8) || reader.ValueTextEquals("api_key"u8);
                reader.Read();
                if (isWriteKey && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }
}
