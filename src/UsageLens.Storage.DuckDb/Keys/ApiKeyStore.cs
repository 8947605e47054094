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
}
