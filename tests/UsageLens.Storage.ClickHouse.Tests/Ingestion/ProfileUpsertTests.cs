using System.Text.Json.Nodes;
using UsageLens.Core.Accounts;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Ingestion;

/// <summary>
/// Account and user upserts overwrite only the fields they carry and merge traits key by key, and
/// the stored profiles read back the same from ClickHouse as from DuckDB given the same upserts.
/// </summary>
[Collection(ClickHouseCollection.Name)]
public sealed class ProfileUpsertTests(ClickHouseServers servers)
{
    private static readonly DateTime s_created = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private static readonly string[] s_accountColumns =
        ["account_id", "name", "segment", "region", "plan", "partner_id", "revenue", "contract_value", "cltv", "strategic", "licensed_seats", "created_at", "traits"];

    private static readonly string[] s_userColumns = ["user_id", "account_id", "email", "created_at", "traits"];

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task Account_upserts_merge_fields_and_traits_as_on_duckdb(string layout)
    {
        ClickHouseRequirement.Check();
        using var pair = await EnginePair.OpenAsync(servers.Database(layout));
        await pair.WriteAsync(new IngestBatch([],
        [
            Account("a1", new() { [AccountField.Name] = "Acme", [AccountField.Segment] = "smb", [AccountField.Revenue] = 100.5, [AccountField.Strategic] = true,
                [AccountField.LicensedSeats] = 10, [AccountField.CreatedAt] = s_created }, """{"tier":"gold","n":1,"nested":{"x":1,"y":2},"list":[1,2]}"""),
            Account("a2", new() { [AccountField.Plan] = "growth" }, null),
        ], []));
        await pair.WriteAsync(new IngestBatch([],
        [
            Account("a1", new() { [AccountField.Segment] = "mid" }, """{"n":null,"nested":{"x":null,"z":3},"list":[3],"new":"it's"}"""),
            Account("a2", new() { [AccountField.Region] = "EMEA" }, """{"k":"v"}"""),
            // Two upserts of one account in one batch apply in order.
            Account("a3", new() { [AccountField.Name] = "First", [AccountField.Cltv] = 5.0 }, """{"a":1}"""),
            Account("a3", new() { [AccountField.Name] = null, [AccountField.PartnerId] = "p1" }, """{"b":2}"""),
        ], []));
        await pair.WriteAsync(new IngestBatch([], [Account("a1", new() { [AccountField.Strategic] = false }, null)], []));

        var (duck, clickHouse) = await ReadBothAsync(pair, WorkspaceTable.Accounts, s_accountColumns);

        Assert.Equal(duck, clickHouse);
        // And as written out by hand: a1 kept its name and seats, took the new segment, lost n and nested.x.
        Assert.Equal(
            ["a1", "Acme", "mid", null, null, null, 100.5, null, null, 0L, 10L, s_created, Json("""{"list":[3],"nested":{"y":2,"z":3},"new":"it's","tier":"gold"}""")],
            clickHouse[0]);
        Assert.Equal(["a2", null, null, "EMEA", "growth", null, null, null, null, null, null, null, Json("""{"k":"v"}""")], clickHouse[1]);
        Assert.Equal(["a3", null, null, null, null, "p1", null, null, 5.0, null, null, null, Json("""{"a":1,"b":2}""")], clickHouse[2]);
    }

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task User_upserts_keep_what_they_do_not_carry_and_merge_traits_as_on_duckdb(string layout)
    {
        ClickHouseRequirement.Check();
        using var pair = await EnginePair.OpenAsync(servers.Database(layout));
        await pair.WriteAsync(new IngestBatch([], [],
        [
            new UserUpsert("u1", "a1", "one@example.com", s_created, """{"role":"admin","seen":{"web":true}}"""),
            new UserUpsert("u2", null, null, null, null),
        ]));
        await pair.WriteAsync(new IngestBatch([], [],
        [
            new UserUpsert("u1", null, null, null, """{"role":null,"seen":{"app":true}}"""),
            new UserUpsert("u2", "a2", "two@example.com", null, """{"x":"y"}"""),
            new UserUpsert("u3", "a3", null, null, null),
            new UserUpsert("u3", "a4", "three@example.com", null, null),
        ]));

        var (duck, clickHouse) = await ReadBothAsync(pair, WorkspaceTable.Users, s_userColumns);

        Assert.Equal(duck, clickHouse);
        Assert.Equal(["u1", "a1", "one@example.com", s_created, Json("""{"seen":{"app":true,"web":true}}""")], clickHouse[0]);
        Assert.Equal(["u2", "a2", "two@example.com", null, Json("""{"x":"y"}""")], clickHouse[1]);
        Assert.Equal(["u3", "a4", "three@example.com", null, null], clickHouse[2]);
    }

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task The_account_of_each_user_is_its_latest_link(string layout)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        using var store = new ClickHouseIngestionStore(workspace, TimeProvider.System) { MinimumInsertInterval = TimeSpan.Zero };
        await store.WriteAsync(new IngestBatch([], [], [new UserUpsert("u1", "a1", null, null, null), new UserUpsert("u2", null, "x@example.com", null, null), new UserUpsert("u3", "a2", null, null, null)]), default);
        await store.WriteAsync(new IngestBatch([], [], [new UserUpsert("u3", "a3", null, null, null), new UserUpsert("u1", null, "y@example.com", null, null)]), default);

        var accounts = await store.GetUserAccountsAsync(["u1", "u2", "u3", "u4", "it's"], default);

        Assert.Equal(new Dictionary<string, string> { ["u1"] = "a1", ["u3"] = "a3" }, accounts);
        Assert.Empty(await store.GetUserAccountsAsync([], default));
    }

    private static string Json(string json) => Sorted(JsonNode.Parse(json))!.ToJsonString();

    private static AccountUpsert Account(string id, Dictionary<AccountField, object?> fields, string? traits) => new(id, fields, traits);

    // Traits are compared as JSON values with sorted keys: each engine keeps its own key order and spacing.
    private static async Task<(List<object?[]> Duck, List<object?[]> ClickHouse)> ReadBothAsync(EnginePair pair, WorkspaceTable table, string[] columns)
    {
        var query = new SqlSelect(
            [.. columns.Select(c => new SqlSelectItem(new SqlColumn("p", c), c))],
            new SqlTable(table, "p"),
            OrderBy: [new SqlOrder(new SqlColumn("p", columns[0]))]);
        var (duck, clickHouse) = await pair.QueryBothAsync(query);
        var traits = columns.Length - 1;
        foreach (var row in duck.Concat(clickHouse))
        {
            row[traits] = row[traits] is string json ? Json(json) : null;
        }
        return (duck, clickHouse);
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
