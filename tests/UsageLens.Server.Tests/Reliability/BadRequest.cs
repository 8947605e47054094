using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace UsageLens.Server.Tests.Reliability;

/// <summary>One line of <c>Corpus/bad-requests.jsonl</c>: a malformed request and what the server must answer (see Corpus/generate.py).</summary>
public sealed record BadRequest(
    string Name,
    string Method,
    string Path,
    string Key,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    int Status,
    IReadOnlyList<string> Names,
    IReadOnlyDictionary<string, long> Writes)
{
    private static readonly string s_file = System.IO.Path.Combine(AppContext.BaseDirectory, "Corpus", "bad-requests.jsonl");

    /// <summary>Every case by name, in file order.</summary>
    public static IReadOnlyList<BadRequest> All { get; } = [.. File.ReadLines(s_file).Where(l => l.Length > 0).Select(Parse)];

    public static BadRequest Named(string name) => All.Single(c => c.Name == name);

    public override string ToString() => Name;

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Path, UriKind.Relative));
        if (Method == "GET")
        {
            return request;
        }
        var content = new ByteArrayContent(Body);
        if (ContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        }
        foreach (var (name, value) in Headers)
        {
            content.Headers.TryAddWithoutValidation(name, value);
        }
        request.Content = content;
        return request;
    }

    private static BadRequest Parse(string line)
    {
        var json = JsonDocument.Parse(line).RootElement;
        var gzip = json.TryGetProperty("gzip", out var g) && g.GetBoolean();
        var body = BodyOf(json);
        var headers = json.TryGetProperty("headers", out var h)
            ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];
        if (gzip)
        {
            body = Gzip(body);
            headers["Content-Encoding"] = "gzip";
        }
        return new BadRequest(
            json.GetProperty("name").GetString()!,
            json.GetProperty("method").GetString()!,
            json.GetProperty("path").GetString()!,
            json.GetProperty("key").GetString()!,
            json.TryGetProperty("content_type", out var type) ? type.GetString() : null,
            headers,
            body,
            json.GetProperty("status").GetInt32(),
            [.. json.GetProperty("names").EnumerateArray().Select(n => n.GetString()!)],
            json.TryGetProperty("writes", out var w) ? w.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()) : []);
    }

    private static byte[] BodyOf(JsonElement json)
    {
        if (json.TryGetProperty("body", out var text))
        {
            return Encoding.UTF8.GetBytes(text.GetString()!);
        }
        if (json.TryGetProperty("body_base64", out var base64))
        {
            return Convert.FromBase64String(base64.GetString()!);
        }
        if (json.TryGetProperty("fill", out var fill))
        {
            var unit = fill.GetProperty("unit").GetString()!;
            var filler = new StringBuilder(fill.GetProperty("prefix").GetString());
            filler.Insert(filler.Length, unit, fill.GetProperty("bytes").GetInt32() / unit.Length);
            return Encoding.UTF8.GetBytes(filler.Append(fill.GetProperty("suffix").GetString()).ToString());
        }
        return [];
    }

    private static byte[] Gzip(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(body);
        }
        return buffer.ToArray();
    }
}
