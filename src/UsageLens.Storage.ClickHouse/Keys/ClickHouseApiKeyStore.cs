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
}
