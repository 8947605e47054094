using UsageLens.Core.Keys;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Schema;

namespace UsageLens.Storage.ClickHouse.Keys;

/// <summary>API keys in the workspace's <c>api_keys</c> table, copied to every node like the other profile tables.</summary>
public sealed class ClickHouseApiKeyStore(ClickHouseWorkspace workspace, TimeProvider timeProvider) : IApiKeyStore
{
    private static readonly string[] s_columns = ["key_hash", "prefix", "role", "partner_id", "created_at", "version"];

    public async Task<CreatedApiKey> CreateAsync(ApiKeyRole role, string? partnerId, CancellationToken cancellationToken)
    {
        var created = ApiKeySecret.Create(role, partnerId);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var rows = new JsonEachRow(s_columns);
        rows.Add(ApiKeySecret.Hash(created.Key), created.Grant.Prefix, role.Name(), created.Grant.PartnerId, now, now.Ticks);
        await workspace.InsertEverywhereAsync(ClickHouseTables.ApiKeys, s_columns, rows.ToString(), cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async Task<ApiKeyGrant?> VerifyAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.IsPlausible(presentedKey))
        {
            return null;
        }
        var rows = await workspace.Entry.QueryAsync(
            $"SELECT role, partner_id, prefix FROM {ClickHouseTables.ApiKeys} FINAL WHERE key_hash = {ClickHouseLiteral.Quote(ApiKeySecret.Hash(presentedKey!))}",
            cancellationToken).ConfigureAwait(false);
        if (rows.Rows.Count == 0 || !ApiKeyRoles.TryParse((string?)rows.Rows[0][0], out var role))
        {
            return null;
        }
        return new ApiKeyGrant(role, (string?)rows.Rows[0][1], (string)rows.Rows[0][2]!);
    }

    public async Task<IReadOnlyList<ApiKeyListing>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await workspace.Entry.QueryAsync(
            $"SELECT prefix, role, partner_id, created_at FROM {ClickHouseTables.ApiKeys} FINAL ORDER BY created_at, prefix", cancellationToken).ConfigureAwait(false);
        var keys = new List<ApiKeyListing>();
        foreach (var row in rows.Rows)
        {
            if (ApiKeyRoles.TryParse((string?)row[1], out var role))
            {
                keys.Add(new ApiKeyListing((string)row[0]!, role, (string?)row[2], (DateTime)row[3]!));
            }
        }
        return keys;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var condition = $"prefix = {ClickHouseLiteral.Quote(id)}";
        var found = await workspace.Entry.QueryAsync($"SELECT count() FROM {ClickHouseTables.ApiKeys} WHERE {condition}", cancellationToken).ConfigureAwait(false);
        if ((long)found.Rows[0][0]! == 0)
        {
            return false;
        }
        await workspace.DeleteEverywhereAsync(ClickHouseTables.ApiKeys, condition, local: false, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
