using UsageLens.Core.Keys;

namespace UsageLens.Storage.DuckDb.Keys;

/// <summary>API keys in the workspace's <c>api_keys</c> table.</summary>
public sealed class ApiKeyStore(DuckDbWorkspace workspace, TimeProvider timeProvider) : IApiKeyStore
{
    public Task<CreatedApiKey> CreateAsync(ApiKeyRole role, string? partnerId, CancellationToken cancellationToken)
    {
        var created = ApiKeySecret.Create(role, partnerId);
        using var connection = workspace.OpenConnection();
        DuckDbCommands.Execute(connection,
            "INSERT INTO api_keys (key_hash, prefix, role, partner_id, created_at) VALUES ($1, $2, $3, $4, $5)",
            ApiKeySecret.Hash(created.Key), created.Grant.Prefix, role.Name(), created.Grant.PartnerId, timeProvider.GetUtcNow().UtcDateTime);
        return Task.FromResult(created);
    }

    public Task<ApiKeyGrant?> VerifyAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.IsPlausible(presentedKey))
        {
            return Task.FromResult<ApiKeyGrant?>(null);
        }
        using var connection = workspace.OpenConnection();
        using var command = DuckDbCommands.Create(connection, "SELECT role, partner_id, prefix FROM api_keys WHERE key_hash = $1", ApiKeySecret.Hash(presentedKey!));
        using var reader = command.ExecuteReader();
        if (!reader.Read() || !ApiKeyRoles.TryParse(reader.GetString(0), out var role))
        {
            return Task.FromResult<ApiKeyGrant?>(null);
        }
        return Task.FromResult<ApiKeyGrant?>(new ApiKeyGrant(role, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
    }

    public Task<IReadOnlyList<ApiKeyListing>> ListAsync(CancellationToken cancellationToken)
    {
        using var connection = workspace.OpenConnection();
        using var command = DuckDbCommands.Create(connection, "SELECT prefix, role, partner_id, created_at FROM api_keys ORDER BY created_at, prefix");
        using var reader = command.ExecuteReader();
        var keys = new List<ApiKeyListing>();
        while (reader.Read())
        {
            if (ApiKeyRoles.TryParse(reader.GetString(1), out var role))
            {
                keys.Add(new ApiKeyListing(reader.GetString(0), role, reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetDateTime(3)));
            }
        }
        return Task.FromResult<IReadOnlyList<ApiKeyListing>>(keys);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        using var connection = workspace.OpenConnection();
        using var command = DuckDbCommands.Create(connection, "DELETE FROM api_keys WHERE prefix = $1", id);
        return Task.FromResult(command.ExecuteNonQuery() > 0);
    }
}
