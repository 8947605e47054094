using UsageLens.Core;
using UsageLens.Core.Keys;
using UsageLens.Core.Users;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Schema;

namespace UsageLens.Storage.ClickHouse.Keys;

/// <summary>Dashboard users in the workspace's <c>app_users</c> table, copied to every node like the API keys.</summary>
public sealed class ClickHouseUserStore(ClickHouseWorkspace workspace, TimeProvider timeProvider) : IUserStore
{
    private const string Columns = "email, role, partner_id, created_at";
    private static readonly string[] s_columns = ["email", "password_hash", "role", "partner_id", "created_at", "version"];

    public async Task<DashboardUser> CreateAsync(string email, string password, ApiKeyRole role, string? partnerId, CancellationToken cancellationToken)
    {
        var user = NewUser.Of(email, password, role, partnerId);
        if (await FindAsync(user.Email, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new UsageLensException($"email: a user '{user.Email}' already exists");
        }
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var createdAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var rows = new JsonEachRow(s_columns);
        rows.Add(user.Email, user.StoredHash, role.Name(), user.PartnerId, createdAt, now.Ticks);
        await workspace.InsertEverywhereAsync(ClickHouseTables.AppUsers, s_columns, rows.ToString(), cancellationToken).ConfigureAwait(false);
        return new DashboardUser(user.Email, role, user.PartnerId, createdAt);
    }

    public async Task<DashboardUser?> VerifyAsync(string email, string password, CancellationToken cancellationToken)
    {
        var rows = await SelectAsync($"{Columns}, password_hash", Where(email), cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            PasswordHash.Waste(password);
            return null;
        }
        return PasswordHash.Verify(password, (string)rows[0][4]!) ? Read(rows[0]) : null;
    }

    public async Task<DashboardUser?> FindAsync(string email, CancellationToken cancellationToken)
    {
        var rows = await SelectAsync(Columns, Where(email), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : Read(rows[0]);
    }

    public async Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await SelectAsync(Columns, "1", cancellationToken).ConfigureAwait(false);
        return rows.Select(Read).OfType<DashboardUser>().ToList();
    }

    public async Task<bool> DeleteAsync(string email, CancellationToken cancellationToken)
    {
        if (await FindAsync(email, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }
        await workspace.DeleteEverywhereAsync(ClickHouseTables.AppUsers, Where(email), local: false, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string Where(string email) => $"email = {ClickHouseLiteral.Quote(email.Trim().ToLowerInvariant())}";

    private async Task<IReadOnlyList<object?[]>> SelectAsync(string columns, string condition, CancellationToken cancellationToken) =>
        (await workspace.Entry.QueryAsync($"SELECT {columns} FROM {ClickHouseTables.AppUsers} FINAL WHERE {condition} ORDER BY email", cancellationToken).ConfigureAwait(false)).Rows;

    private static DashboardUser? Read(object?[] row) =>
        ApiKeyRoles.TryParse((string?)row[1], out var role) ? new DashboardUser((string)row[0]!, role, (string?)row[2], (DateTime)row[3]!) : null;
}
