using System.Net;
using System.Text.Json;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Reliability;

/// <summary>
/// One real server for a whole corpus or fuzz run, holding account acct-1 with API calls, and clients for each
/// kind of key. Rate limits are raised so that hundreds of requests in a row measure validation, not throttling.
/// </summary>
public sealed class CorpusServer : IAsyncLifetime
{
    private const string Seed = """
        {"batch": [
          {"type": "group", "messageId": "seed-g", "userId": "u-1", "groupId": "acct-1", "traits": {"name": "Acme", "revenue": 100, "segment": "smb"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "track", "messageId": "seed-t", "userId": "u-1", "event": "api_call", "properties": {"quantity": 5}, "timestamp": "2026-10-05T10:00:00Z"}
        ]}
        """;

    private static readonly string[] s_tables = ["events", "accounts", "users", "meters"];

    private RunningServer? _server;

    internal RunningServer Server => _server ?? throw new InvalidOperationException("the server is not started");

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new ServerOptions { RequestsPerSecondPerKey = 100_000, RequestBurstPerKey = 100_000 });
        var seeded = await Server.Writer().PostAsync("/v1/batch", Json.Body(Seed));
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A client for the corpus's key names: writer, analyst, admin or none.</summary>
    internal HttpClient Client(string key) => key switch
    {
        "writer" => Server.Writer(),
        "analyst" => Server.ClientWithBearer(Server.AnalystKey),
        "admin" => Server.ClientWithBearer(Server.AdminKey),
        "none" => Server.ClientWithKey(null),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "writer, analyst, admin or none"),
    };

    /// <summary>Rows in every table an HTTP request can write.</summary>
    internal IReadOnlyDictionary<string, long> Counts() => s_tables.ToDictionary(t => t, t => Server.Count($"SELECT count(*) FROM {t}"));

    /// <summary>Whether the server still answers a read and a write after whatever it was just sent.</summary>
    internal async Task AssertStillAnswersAsync()
    {
        var read = await Client("analyst").GetAsync(new Uri("/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(5.0, (await Json.ReadAsync(read)).GetProperty("value").GetDouble());
    }

    /// <summary>Every string of a JSON error body (names and values), or the raw text when it is not JSON.</summary>
    internal static string TextOf(string body)
    {
        try
        {
            var parts = new List<string>();
            Collect(JsonDocument.Parse(body).RootElement, parts);
            return string.Join("\n", parts);
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static void Collect(JsonElement element, List<string> parts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    parts.Add(property.Name);
                    Collect(property.Value, parts);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, parts);
                }
                break;
            case JsonValueKind.String:
                parts.Add(element.GetString()!);
                break;
            default:
                parts.Add(element.GetRawText());
                break;
        }
    }
}
