using System.Text.Json;

namespace UsageLens.Server.Tests.Reliability;

/// <summary>
/// The calls the isolation matrix makes: every operation, with every role, with the other partner's account ids and
/// names in paths, filters, group-bys and questions. Path parameters are filled from the listing beside them (the
/// names of <c>GET /api/v1/kpi</c> for <c>/api/v1/kpi/{name}</c>) and with the other partner's account id.
/// </summary>
internal static class MatrixCalls
{
    public static readonly string[] Roles = ["admin", "analyst", "viewer", "partner-a", "partner-b", "writer", "none"];

    private const string October = "metric=api_call&from=2026-10-01&to=2026-11-01";

    /// <summary>The account, name and partner a role must not see (admins and analysts see both partners: their probe names south).</summary>
    public static (string Account, string Name, string Partner) ForeignOf(string role) => role == "partner-b"
        ? ("north-acct-1", "Northwind Traders", "p-north")
        : ("south-acct-1", "Southwave Labs", "p-south");

    public static IEnumerable<MatrixCall> For(ApiOperation operation, string role, IReadOnlyDictionary<string, IReadOnlyList<string>> pathValues)
    {
        var foreign = ForeignOf(role);
        foreach (var path in Paths(operation.Path, pathValues, foreign.Account))
        {
            if (operation.Kind == OperationKind.Ingest)
            {
                yield return new MatrixCall(operation, role, path, IngestBody(operation));
            }
            else if (operation.Method == "POST")
            {
                foreach (var question in role.StartsWith("partner", StringComparison.Ordinal) ? Questions(foreign) : Questions(foreign).Take(role is "admin" or "analyst" ? 3 : 1))
                {
                    yield return new MatrixCall(operation, role, path, JsonSerializer.Serialize(new { question, as_of = "2026-11-15" }));
                }
            }
            else
            {
                // Refused roles are refused before anything is computed, and admins and analysts see everything:
                // the foreign ids in filters and group-bys matter for partner keys, which get every variant.
                var queries = role.StartsWith("partner", StringComparison.Ordinal) ? Queries(foreign) : Queries(foreign).Take(role is "admin" or "analyst" ? 3 : 1);
                foreach (var query in queries)
                {
                    yield return new MatrixCall(operation, role, path + query, null);
                }
            }
        }
    }

    public static IEnumerable<string> Queries((string Account, string Name, string Partner) foreign) =>
    [
        "",
        "?" + October,
        "?" + October + "&group-by=account_id",
        "?" + October + "&group-by=partner_id",
        "?" + October + "&group-by=account.name",
        "?" + October + "&where=" + Uri.EscapeDataString($"account_id={foreign.Account}"),
        "?" + October + "&where=" + Uri.EscapeDataString($"partner_id={foreign.Partner}"),
        "?" + October + "&where=" + Uri.EscapeDataString($"name={foreign.Name}"),
        "?as-of=2026-11-15",
        "?as-of=2026-11-15&kpi=usage&metric=api_call&by=account_id",
        "?as-of=2026-11-15&account=" + Uri.EscapeDataString(foreign.Account),
        "?as-of=2026-11-15&where=" + Uri.EscapeDataString($"account_id={foreign.Account}"),
    ];

    public static IEnumerable<string> Questions((string Account, string Name, string Partner) foreign) =>
    [
        "api calls in October 2026",
        "api calls in October 2026 by account",
        "api calls in October 2026 by partner",
        $"api calls of {foreign.Name} in October 2026",
        $"api calls for account {foreign.Account} in October 2026",
        $"api calls in October 2026 where partner_id is {foreign.Partner}",
        "top accounts by api calls in October 2026",
        "which accounts are at risk of churn",
    ];

    private static IEnumerable<string> Paths(string template, IReadOnlyDictionary<string, IReadOnlyList<string>> pathValues, string foreignAccount)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return [template];
        }
        var close = template.IndexOf('}', open);
        var values = pathValues.TryGetValue(template[..open].TrimEnd('/'), out var listed) ? [.. listed, foreignAccount] : new[] { foreignAccount };
        return values.SelectMany(v => Paths(template[..open] + Uri.EscapeDataString(v) + template[(close + 1)..], pathValues, foreignAccount));
    }

    // A valid message of each wire format, on a day and event of its own, so the fixture's October figures never move.
    private static string IngestBody(ApiOperation operation)
    {
        var id = Guid.NewGuid().ToString("N");
        var segment = new Dictionary<string, object>
        {
            ["type"] = "track", ["messageId"] = id, ["event"] = "matrix_probe", ["userId"] = "north-user-1",
            ["context"] = new { groupId = "north-acct-1" }, ["timestamp"] = "2025-01-15T10:00:00Z",
        };
        var last = operation.Path.Split('/')[^1];
        return operation.Tags switch
        {
            var t when t.Contains("CloudEvents") => JsonSerializer.Serialize(CloudEvent(id, operation.BodyMediaType)),
            var t when t.Contains("PostHog") => JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["api_key"] = "",
                ["batch"] = new[] { new Dictionary<string, object>
                {
                    ["event"] = "matrix_probe", ["distinct_id"] = "north-user-1", ["uuid"] = Guid.NewGuid().ToString(),
                    ["timestamp"] = "2025-01-15T10:00:00Z", ["properties"] = new Dictionary<string, object> { ["$groups"] = new { company = "north-acct-1" } },
                } },
            }),
            _ => last switch
            {
                "batch" => JsonSerializer.Serialize(new { batch = new[] { segment } }),
                "identify" => JsonSerializer.Serialize(new { userId = "north-user-1", traits = new { plan_note = "matrix" } }),
                "group" => JsonSerializer.Serialize(new { userId = "north-user-1", groupId = "north-acct-1", traits = new { note = "matrix" } }),
                _ => JsonSerializer.Serialize(segment),
            },
        };
    }

    private static object CloudEvent(string id, string? mediaType)
    {
        var single = new { specversion = "1.0", id, source = "matrix", type = "matrix_probe", subject = "north-acct-1", time = "2025-01-15T10:00:00Z" };
        return mediaType?.Contains("batch", StringComparison.Ordinal) == true ? new[] { single } : single;
    }
}
