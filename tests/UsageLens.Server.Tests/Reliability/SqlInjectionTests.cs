using System.Text.Json;
using UsageLens.Server.Tests.Support;
using Xunit.Abstractions;

namespace UsageLens.Server.Tests.Reliability;

/// <summary>
/// SQL injection through every query parameter of every read operation in the OpenAPI document (plus the options the
/// KPI and insight endpoints take by name) and every field of the ask body: a 4xx or a correct answer, never a 500,
/// never the other partner's rows, and the workspace's tables unchanged.
/// </summary>
public sealed class SqlInjectionTests(TwoPartnerWorkspace workspace, ITestOutputHelper output) : IClassFixture<TwoPartnerWorkspace>
{
    // Quotes, comments, UNION, stacked statements, and ClickHouse's own syntax (backslash escapes, system tables, format clauses).
    public static readonly string[] Payloads =
    [
        "'",
        "' OR '1'='1",
        "x' OR 1=1 --",
        "x'; DROP TABLE events; --",
        "x\"; DROP TABLE events; --",
        "1 UNION SELECT account_id, 1 FROM accounts",
        "x' UNION ALL SELECT name FROM accounts --",
        "api_call' OR account_id='south-acct-1",
        "account_id=north-acct-1' OR partner_id='p-south",
        "account_id=north-acct-1 OR 1=1",
        "segment=enterprise') OR ('1'='1",
        "/* */ 1; SELECT 1",
        "\\' OR 1=1 #",
        "x\\'); SELECT * FROM system.tables --",
        "1 FORMAT JSON",
        "x' || (SELECT name FROM system.databases LIMIT 1) || '",
        "api_call`; DROP TABLE events; `",
        "$$; DROP TABLE events; $$",
        "account.name=Southwave Labs' --",
    ];

    private static readonly string[] s_optionsByName = ["metric", "where", "group-by", "by", "period", "grain", "top", "top-where", "rank-by", "kpi", "account", "audience", "variant", "as-of", "from", "to"];

    private static readonly string[] s_tables = ["events", "accounts", "users", "meters", "api_keys"];

    [Fact]
    public async Task Injection_through_any_parameter_is_refused_or_answered_within_the_keys_accounts()
    {
        var document = await Json.ReadAsync(await workspace.Client("none").GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var reads = ApiOperation.All(document).Where(o => o.Method == "GET" && o.Kind is not null).ToList();
        var before = Counts();
        var failures = new List<string>();
        var cells = 0;
        foreach (var (path, parameter) in reads.SelectMany(o => Targets(o)).Distinct())
        {
            foreach (var payload in Payloads)
            {
                cells++;
                var uri = path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"{parameter}={Uri.EscapeDataString(payload)}";
                failures.AddRange(await JudgeAsync(uri, null, payload));
            }
        }
        foreach (var field in new[] { "question", "as_of" })
        {
            foreach (var payload in Payloads)
            {
                cells++;
                var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["question"] = "api calls in October 2026", ["as_of"] = "2026-11-15", [field] = field == "question" ? $"api calls of {payload} in October 2026" : payload });
                failures.AddRange(await JudgeAsync("/api/v1/ask", body, payload));
            }
        }

        output.WriteLine($"{cells} injection cells, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(60)));
        Assert.Equal(before, Counts());
    }

    // Each path (with the usage KPI as the probe for {name}) and each parameter it documents or takes by name.
    private static IEnumerable<(string Path, string Parameter)> Targets(ApiOperation operation)
    {
        var path = operation.Path switch
        {
            "/api/v1/kpi/{name}" => "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01",
            "/api/v1/insights/{name}" => "/api/v1/insights/comparison?kpi=usage&metric=api_call&as-of=2026-11-15",
            var p when p.Contains('{', StringComparison.Ordinal) => p.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal),
            var p => p,
        };
        var parameters = operation.Path.Contains('{', StringComparison.Ordinal) ? operation.QueryParameters.Concat(s_optionsByName) : operation.QueryParameters;
        return parameters.Distinct().Select(p => (path, p));
    }

    private async Task<IEnumerable<string>> JudgeAsync(string uri, string? body, string payload)
    {
        var failures = new List<string>();
        foreach (var role in new[] { "partner-a", "admin" })
        {
            using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, new Uri(uri, UriKind.Relative));
            if (body is not null)
            {
                request.Content = Json.Body(body);
            }
            using var response = await workspace.Client(role).SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var code = (int)response.StatusCode;
            var label = $"{role} {uri} {body}";
            if (code >= 500)
            {
                failures.Add($"{label} → {code}");
            }
            if (role == "partner-a")
            {
                var sent = Uri.UnescapeDataString(uri) + payload + body;
                failures.AddRange(TwoPartnerWorkspace.Foreign[role]
                    .Where(f => text.Contains(f, StringComparison.OrdinalIgnoreCase) && !sent.Contains(f, StringComparison.OrdinalIgnoreCase))
                    .Select(f => $"{label} → {code}: names '{f}'"));
            }
            if (code == 200 && uri.StartsWith("/api/v1/kpi/usage", StringComparison.Ordinal)
                && JsonDocument.Parse(text).RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number
                && value.GetDouble() > (role == "admin" ? TwoPartnerWorkspace.AllCalls : TwoPartnerWorkspace.NorthCalls))
            {
                failures.Add($"{label} → {value.GetDouble()} API calls, more than the key's accounts made");
            }
        }
        return failures;
    }

    private List<long> Counts() => [.. s_tables.Select(t => workspace.Server.Count($"SELECT count(*) FROM {t}"))];
}
