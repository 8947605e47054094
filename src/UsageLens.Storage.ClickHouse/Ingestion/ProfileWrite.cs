using UsageLens.Core.Accounts;
using UsageLens.Storage.ClickHouse.Schema;

namespace UsageLens.Storage.ClickHouse.Ingestion;

/// <summary>
/// Account and user upserts with the DuckDB engine's meaning: only the fields a record carries are
/// overwritten and traits are merged key by key (RFC 7396). ClickHouse cannot update in place, so
/// the stored row is read, merged here, and written back as a new version on every node.
/// </summary>
internal sealed class ProfileWrite(ClickHouseWorkspace workspace, TimeProvider timeProvider)
{
    private static readonly AccountField[] s_fields = Enum.GetValues<AccountField>();

    private static readonly string[] s_accountColumns =
        ["account_id", .. s_fields.Select(AccountColumns.Name), "traits", "updated_at", "version"];

    private static readonly string[] s_userColumns = ["user_id", "account_id", "email", "created_at", "traits", "updated_at", "version"];

    public async Task UpsertAccountsAsync(IReadOnlyList<AccountUpsert> upserts, CancellationToken cancellationToken)
    {
        if (upserts.Count == 0)
        {
            return;
        }
        var stored = await StoredAsync(ClickHouseTables.Accounts, s_accountColumns[..^2], "account_id", upserts.Select(u => u.AccountId), cancellationToken).ConfigureAwait(false);
        var rows = new JsonEachRow(s_accountColumns);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var upsert in upserts)
        {
            var row = stored.TryGetValue(upsert.AccountId, out var existing) ? existing : new object?[s_accountColumns.Length - 2];
            row[0] = upsert.AccountId;
            for (var i = 0; i < s_fields.Length; i++)
            {
                if (upsert.Fields.TryGetValue(s_fields[i], out var value))
                {
                    row[i + 1] = value;
                }
            }
            row[^1] = FlatJson.MergePatch((string?)row[^1], upsert.TraitsJson);
            stored[upsert.AccountId] = row;
        }
        foreach (var row in stored.Values)
        {
            rows.Add([.. row, now, Version()]);
        }
        await workspace.InsertEverywhereAsync(ClickHouseTables.Accounts, rows.Columns, rows.ToString(), cancellationToken).ConfigureAwait(false);
        await RegisterKeysAsync(workspace, ClickHouseTables.AccountTraitKeys, upserts.SelectMany(u => FlatJson.Keys(u.TraitsJson)).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
    }

    public async Task UpsertUsersAsync(IReadOnlyList<UserUpsert> upserts, CancellationToken cancellationToken)
    {
        if (upserts.Count == 0)
        {
            return;
        }
        var stored = await StoredAsync(ClickHouseTables.Users, s_userColumns[..^2], "user_id", upserts.Select(u => u.UserId), cancellationToken).ConfigureAwait(false);
        var rows = new JsonEachRow(s_userColumns);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var upsert in upserts)
        {
            var row = stored.TryGetValue(upsert.UserId, out var existing) ? existing : new object?[s_userColumns.Length - 2];
            row[0] = upsert.UserId;
            row[1] = upsert.AccountId ?? row[1];
            row[2] = upsert.Email ?? row[2];
            row[3] = (object?)upsert.CreatedAt ?? row[3];
            row[4] = FlatJson.MergePatch((string?)row[4], upsert.TraitsJson);
            stored[upsert.UserId] = row;
        }
        foreach (var row in stored.Values)
        {
            rows.Add([.. row, now, Version()]);
        }
        await workspace.InsertEverywhereAsync(ClickHouseTables.Users, rows.Columns, rows.ToString(), cancellationToken).ConfigureAwait(false);
        await RegisterKeysAsync(workspace, ClickHouseTables.UserTraitKeys, upserts.SelectMany(u => FlatJson.Keys(u.TraitsJson)).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the keys a catalog table does not hold yet, on every node.</summary>
    public static async Task RegisterKeysAsync(ClickHouseWorkspace workspace, string table, IReadOnlySet<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }
        var known = await workspace.Entry.QueryAsync($"SELECT key FROM {table} FINAL", cancellationToken).ConfigureAwait(false);
        var missing = keys.Except(known.Rows.Select(r => (string)r[0]!), StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var rows = new JsonEachRow(["key", "version"]);
        missing.ForEach(k => rows.Add(k, 1L));
        await workspace.InsertEverywhereAsync(table, rows.Columns, rows.ToString(), cancellationToken).ConfigureAwait(false);
    }

    // The latest write must win under FINAL even within one second, so versions count ticks.
    private long Version() => timeProvider.GetUtcNow().UtcTicks;

    private async Task<Dictionary<string, object?[]>> StoredAsync(string table, string[] columns, string key, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(10_000))
        {
            var rows = await workspace.Entry.QueryAsync(
                $"SELECT {string.Join(", ", columns)} FROM {table} FINAL WHERE {key} IN ({string.Join(", ", chunk.Select(ClickHouseLiteral.Quote))})",
                cancellationToken).ConfigureAwait(false);
            foreach (var row in rows.Rows)
            {
                stored[(string)row[0]!] = row;
            }
        }
        return stored;
    }
}
