using System.Text;
using System.Text.Json;
using UsageLens.Ingest.Files;

namespace UsageLens.Import.Tests;

/// <summary>One line of <c>Corpus/bad-files.jsonl</c>: a malformed import file and what its refusal must name (see Corpus/generate.py).</summary>
public sealed record BadFileCase(string Name, ImportKind Kind, string File, byte[]? Content, string? ParquetFrom, string? Truncate, IReadOnlyList<string> Message, string Valid)
{
    private static readonly string s_file = Path.Combine(AppContext.BaseDirectory, "Corpus", "bad-files.jsonl");

    public static IReadOnlyList<BadFileCase> All { get; } = [.. System.IO.File.ReadLines(s_file).Where(l => l.Length > 0).Select(Parse)];

    public static BadFileCase Named(string name) => All.Single(c => c.Name == name);

    public override string ToString() => Name;

    private static BadFileCase Parse(string line)
    {
        var json = JsonDocument.Parse(line).RootElement;
        byte[]? content = json.TryGetProperty("content", out var text) ? Encoding.UTF8.GetBytes(text.GetString()!)
            : json.TryGetProperty("content_base64", out var base64) ? Convert.FromBase64String(base64.GetString()!)
            : null;
        var parquet = json.TryGetProperty("parquet", out var p) ? p : (JsonElement?)null;
        return new BadFileCase(
            json.GetProperty("name").GetString()!,
            Enum.Parse<ImportKind>(json.GetProperty("kind").GetString()!, ignoreCase: true),
            json.GetProperty("file").GetString()!,
            content,
            parquet?.GetProperty("from").GetString(),
            parquet is { } q && q.TryGetProperty("truncate", out var cut) ? cut.ToString() : null,
            [.. json.GetProperty("message").EnumerateArray().Select(m => m.GetString()!)],
            json.GetProperty("valid").GetString()!);
    }
}
