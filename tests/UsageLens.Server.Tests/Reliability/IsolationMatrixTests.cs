using System.Net;
using System.Text.Json;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;
using Xunit.Abstractions;

namespace UsageLens.Server.Tests.Reliability;

/// <summary>
/// Every operation of the OpenAPI document (read at test time, so a new endpoint is covered or named as uncovered)
/// with every kind of key: a partner never receives the other partner's accounts, names, users or totals; writers
/// cannot read; read keys cannot write; and nothing answers 500.
/// </summary>
public sealed class IsolationMatrixTests(TwoPartnerWorkspace workspace, ITestOutputHelper output) : IClassFixture<TwoPartnerWorkspace>
{
    private static readonly ApiKeyRole[] s_rolesInTheMatrix = [ApiKeyRole.Admin, ApiKeyRole.Analyst, ApiKeyRole.Viewer, ApiKeyRole.Partner, ApiKeyRole.Writer];

    [Fact]
    public async Task Every_operation_and_every_key_role_is_in_the_matrix()
    {
        var uncovered = (await OperationsAsync()).Where(o => o.Kind is null).Select(o => o.ToString()).ToList();

        Assert.True(uncovered.Count == 0, "operations the isolation matrix does not know how to call: " + string.Join(", ", uncovered));
        Assert.Equal(s_rolesInTheMatrix.Order(), Enum.GetValues<ApiKeyRole>().Order());
    }

    [Fact]
    public async Task No_key_reaches_past_its_role_or_its_partner_on_any_operation()
    {
        var operations = (await OperationsAsync()).Where(o => o.Kind is not null).ToList();
        var pathValues = await PathValuesAsync(operations);
        var failures = new List<string>();
        var cells = 0;
        foreach (var operation in operations)
        {
            // An admin's write would change the shared fixture (DELETE /api/v1/admin/keys/{id} is tried with every listed key).
            foreach (var role in MatrixCalls.Roles.Where(r => !(operation.Kind == OperationKind.AdminWrite && r == "admin")))
            {
                foreach (var call in MatrixCalls.For(operation, role, pathValues))
                {
                    cells++;
                    var events = workspace.Events();
                    using var response = await workspace.Client(role).SendAsync(call.ToRequest());
                    var body = await response.Content.ReadAsStringAsync();
                    failures.AddRange(Judge(call, response.StatusCode, body, workspace.Events() - events).Select(f => $"{call} → {(int)response.StatusCode}: {f}"));
                }
            }
        }
        output.WriteLine($"{operations.Count} operations, {cells} cells, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(60)));
    }

    [Theory]
    [InlineData("admin", TwoPartnerWorkspace.AllCalls)]
    [InlineData("analyst", TwoPartnerWorkspace.AllCalls)]
    [InlineData("partner-a", TwoPartnerWorkspace.NorthCalls)]
    [InlineData("partner-b", TwoPartnerWorkspace.SouthCalls)]
    public async Task Each_key_totals_only_the_accounts_it_may_see(string role, double calls)
    {
        var client = workspace.Client(role);

        var usage = await Json.ReadAsync(await client.GetAsync(new Uri("/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01", UriKind.Relative)));
        var share = await Json.ReadAsync(await client.GetAsync(new Uri("/api/v1/kpi/top-customer-share?metric=api_call&from=2026-10-01&to=2026-11-01&top=1", UriKind.Relative)));
        var asked = await Json.ReadAsync(await client.PostAsync(new Uri("/api/v1/ask", UriKind.Relative), Json.Body("""{"question": "api calls in October 2026", "as_of": "2026-11-15"}""")));

        Assert.Equal(calls, usage.GetProperty("value").GetDouble());
        Assert.Equal(calls, share.GetProperty("parts").GetProperty("total_usage").GetDouble());
        Assert.Equal(calls, asked.GetProperty("answers")[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_partner_grouping_by_account_gets_its_own_accounts_with_their_hand_computed_calls()
    {
        var response = await workspace.Client("partner-a").GetAsync(new Uri("/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01&group-by=account_id&previous=false", UriKind.Relative));
        var rows = (await Json.ReadAsync(response)).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("account_id").GetString()!, r => r.GetProperty("value").GetDouble());

        Assert.Equal(new Dictionary<string, double> { ["north-acct-1"] = 10, ["north-acct-2"] = 30 }, rows);
    }

    [Fact]
    public async Task A_partner_filtering_on_the_other_partner_is_refused()
    {
        var response = await workspace.Client("partner-a").GetAsync(new Uri("/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01&where=partner_id%3Dp-south", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("account_id=south-acct-1")]
    [InlineData("name=Southwave Labs")]
    public async Task A_partner_filtering_on_the_other_partners_account_counts_nothing(string where)
    {
        var response = await workspace.Client("partner-a").GetAsync(new Uri($"/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01&where={Uri.EscapeDataString(where)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0.0, (await Json.ReadAsync(response)).GetProperty("value").GetDouble());
    }

    private static IEnumerable<string> Judge(MatrixCall call, HttpStatusCode status, string body, long eventsWritten)
    {
        var code = (int)status;
        if (code >= 500)
        {
            yield return "a server error";
        }
        var kind = call.Operation.Kind!.Value;
        var expected = Expected(kind, call.Role);
        if (expected is { } must && code != must)
        {
            yield return $"expected {must}";
        }
        if (expected is null && kind != OperationKind.Public && (code == 401 || (code == 403 && !NamesForeign(call))))
        {
            yield return "a key allowed here was refused";
        }
        if (kind == OperationKind.Ingest && code != 200 && eventsWritten != 0)
        {
            yield return $"{eventsWritten} events written by a refused write";
        }
        if (TwoPartnerWorkspace.Foreign.TryGetValue(call.Role, out var foreign))
        {
            foreach (var leak in foreign.Where(f => body.Contains(f, StringComparison.OrdinalIgnoreCase) && !call.Sent.Contains(f, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"the body names the other partner's '{leak}'";
            }
            if (code == 200 && UsageValue(call, body) is { } value && value > (call.Role == "partner-a" ? TwoPartnerWorkspace.NorthCalls : TwoPartnerWorkspace.SouthCalls))
            {
                yield return $"a usage total of {value} includes the other partner's calls";
            }
        }
    }

    // null: any answer but 401, a refusal of the role (403, unless the call names the other partner's accounts) or 5xx.
    private static int? Expected(OperationKind kind, string role) => (kind, role) switch
    {
        (OperationKind.Public, _) => null,
        (_, "none") => 401,
        (OperationKind.Ingest, "writer" or "admin") => 200,
        (OperationKind.Ingest, _) => 403,
        (OperationKind.Read, "writer") => 403,
        (OperationKind.AdminRead, "admin") => 200,
        (OperationKind.AdminRead, _) => 403,
        (OperationKind.AdminWrite, _) => 403,
        _ => null,
    };

    private static bool NamesForeign(MatrixCall call) =>
        call.Role.StartsWith("partner", StringComparison.Ordinal) && TwoPartnerWorkspace.Foreign[call.Role].Any(f => call.Sent.Contains(f, StringComparison.OrdinalIgnoreCase));

    private static double? UsageValue(MatrixCall call, string body)
    {
        if (!call.Uri.StartsWith("/api/v1/kpi/usage?", StringComparison.Ordinal))
        {
            return null;
        }
        return JsonDocument.Parse(body).RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
    }

    private async Task<IReadOnlyList<ApiOperation>> OperationsAsync()
    {
        var document = await Json.ReadAsync(await workspace.Client("none").GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        return ApiOperation.All(document);
    }

    // A path parameter takes every name or id the listing beside it gives an admin (GET /api/v1/kpi for /api/v1/kpi/{name}).
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> PathValuesAsync(IReadOnlyList<ApiOperation> operations)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var template in operations.Where(o => o.Path.Contains('{', StringComparison.Ordinal)).Select(o => o.Path[..o.Path.IndexOf('{', StringComparison.Ordinal)].TrimEnd('/')).Distinct())
        {
            if (!operations.Any(o => o.Method == "GET" && o.Path.TrimEnd('/') == template))
            {
                continue;
            }
            var listing = await workspace.Client("admin").GetAsync(new Uri(template, UriKind.Relative));
            var json = await Json.ReadAsync(listing);
            // A listing is an array, or an object holding one (GET /api/v1/accounts gives {"accounts": [...]}).
            var list = json.ValueKind == JsonValueKind.Array
                ? json
                : json.ValueKind == JsonValueKind.Object ? json.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array) : default;
            values[template] = list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray().Select(Identity).OfType<string>()] : [];
        }
        return values;
    }

    private static string? Identity(JsonElement item)
    {
        foreach (var name in new[] { "name", "Name", "id", "account_id" })
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }
        return item.ValueKind == JsonValueKind.String ? item.GetString() : null;
    }
}
