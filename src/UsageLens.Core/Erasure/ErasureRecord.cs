using System.Text;
using System.Text.Json;

namespace UsageLens.Core.Erasure;

/// <summary>What one erasure removed: the rows deleted per table (<c>events</c>, <c>users</c>, <c>accounts</c>, ...).</summary>
public sealed record ErasureRecord(ErasureKind Kind, string Id, DateTime ErasedAt, IReadOnlyDictionary<string, long> Rows)
{
    /// <summary>The lower-case name of <see cref="Kind"/>, as typed and stored.</summary>
    public string KindName => Kind == ErasureKind.User ? "user" : "account";

    /// <summary>Parses <c>user</c> or <c>account</c>.</summary>
    /// <exception cref="UsageLensException">Anything else; the message names <paramref name="field"/>.</exception>
    public static ErasureKind ParseKind(string field, string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "user" => ErasureKind.User,
        "account" => ErasureKind.Account,
        _ => throw new UsageLensException($"{field}: '{text}' must be user or account"),
    };

    /// <summary>The id to erase, trimmed.</summary>
    /// <exception cref="UsageLensException">It is empty.</exception>
    public static string CheckId(string field, string? id) =>
        string.IsNullOrWhiteSpace(id) ? throw new UsageLensException($"{field}: is required") : id.Trim();

    /// <summary>The rows as stored: a JSON object of table to count.</summary>
    public string RowsJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (table, count) in Rows)
            {
                writer.WriteNumber(table, count);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads rows stored by <see cref="RowsJson"/>.</summary>
    public static IReadOnlyDictionary<string, long> ParseRows(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
    }
}
