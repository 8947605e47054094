using System.Text.Json;
using System.Text.Unicode;
using UsageLens.Core;

namespace UsageLens.Server.Contract;

/// <summary>
/// A small JSON object body (sign-in, administration), read by hand so that an oversized, binary or malformed
/// body is a 400 problem naming the reason, and each member is checked by name.
/// </summary>
internal sealed class JsonBody
{
    private const int MaxBytes = 16 * 1024;
    private readonly JsonElement _root;

    private JsonBody(JsonElement root) => _root = root;

    /// <exception cref="UsageLensException">The body is too large, not UTF-8, or not a JSON object.</exception>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new UsageLensException($"the body is larger than {MaxBytes} bytes");
            }
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        if (!Utf8.IsValid(bytes))
        {
            throw new UsageLensException("the body is not valid UTF-8 text");
        }
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new JsonBody(document.RootElement.Clone())
                : throw new UsageLensException("the body must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new UsageLensException($"the body is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>A string member; null when absent or null.</summary>
    /// <exception cref="UsageLensException">It is present but not a string.</exception>
    public string? Text(string name)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new UsageLensException($"{name}: must be a string");
    }

    /// <summary>A string member that must be present.</summary>
    /// <exception cref="UsageLensException">It is absent, null, empty or not a string.</exception>
    public string Required(string name) =>
        Text(name) is { Length: > 0 } text ? text : throw new UsageLensException($"{name}: is required");
}
