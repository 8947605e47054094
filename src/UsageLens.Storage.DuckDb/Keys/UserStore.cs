using DuckDB.NET.Data;
using UsageLens.Core;
using UsageLens.Core.Keys;
using UsageLens.Core.Users;

namespace UsageLens.Storage.DuckDb.Keys;

/// <summary>Dashboard users in the workspace's <c>app_users</c> table.</summary>
public sealed class UserStore(DuckDbWorkspace workspace, TimeProvider timeProvider) : IUserStore
{
    private const string Columns = "email, role, partner_id, created_at";

    public Task<DashboardUser> CreateAsync(string email, string password, ApiKeyRole role, string? partnerId, CancellationToken cancellationToken)
    {
        var user = NewUser.Of(email, password, role, partnerId);
        var createdAt = timeProvider.GetUtcNow().UtcDateTime;
        using var connection = workspace.OpenConnection();
        var inserted = DuckDbCommands.Execute(connection,
            "INSERT INTO app_users (email, password_hash, role, partner_id, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            user.Email, user.StoredHash, role.Name(), user.PartnerId, createdAt);
        if (inserted == 0)
        {
            throw new UsageLensException($"email: a user '{user.Email}' already exists");
        }
        return Task.FromResult(new DashboardUser(user.Email, role, user.PartnerId, createdAt));
    }

    public Task<DashboardUser?> VerifyAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var connection = workspace.OpenConnection();
        using var command = DuckDbCommands.Create(connection, $"SELECT {Columns}, password_hash FROM app_users WHERE email = $1", email.Trim().ToLowerInvariant());
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            PasswordHash.Waste(password);
            return Task.FromResult<DashboardUser?>(null);
        }
        var user = Read(reader);
        return Task.FromResult(PasswordHash.Verify(password, reader.GetString(4)) ? user : null);
    }

    public Task<DashboardUser?> FindAsync(string email, CancellationToken cancellationToken)
    {
        using var connection = workspace.OpenConnection();
        using var command = DuckDbCommands.Create(connection, $"SELECT {Columns} FROM app_users WHERE email = $1", email.Trim().ToLowerInvariant());
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? Read(reader) : null);
    }

    public Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken cancellationToken)
    {
        using var connection = workspace.OpenConnection();
        using var command = DuckDbCommands.Create(connection, $"SELECT {Columns} FROM app_users ORDER BY email");
        using var reader = command.ExecuteReader();
        var users = new List<DashboardUser>();
        while (reader.Read())
        {
            if (Read(reader) is { } user)
            {
                users.Add(user);
            }
        }
        return Task.FromResult<IReadOnlyList<DashboardUser>>(users);
    }

    public Task<bool> DeleteAsync(string email, CancellationToken cancellationToken)
    {
        using var connection = workspace.OpenConnection();
        using var command = DuckDbCommands.Create(connection, "DELETE FROM app_users WHERE email = $1", email.Trim().ToLowerInvariant());
        return Task.FromResult(command.ExecuteNonQuery() > 0);
    }

    // A row whose role this version does not know grants nothing.
    private static DashboardUser? Read(DuckDBDataReader reader) =>
        ApiKeyRoles.TryParse(reader.GetString(1), out var role)
            ? new DashboardUser(reader.GetString(0), role, reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetDateTime(3))
            : null;
}
