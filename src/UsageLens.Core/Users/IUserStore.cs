using UsageLens.Core.Keys;

namespace UsageLens.Core.Users;

/// <summary>Where a workspace keeps the people who sign in to its dashboard (passwords only as salted PBKDF2 hashes).</summary>
public interface IUserStore
{
    /// <summary>Stores a new user.</summary>
    /// <exception cref="UsageLensException">The e-mail, password, role and partner do not fit, or the e-mail is taken.</exception>
    Task<DashboardUser> CreateAsync(string email, string password, ApiKeyRole role, string? partnerId, CancellationToken cancellationToken);

    /// <summary>The user whose e-mail and password these are, or <see langword="null"/>.</summary>
    Task<DashboardUser?> VerifyAsync(string email, string password, CancellationToken cancellationToken);

    /// <summary>The user with this e-mail, or <see langword="null"/> (a session is only valid while its user exists).</summary>
    Task<DashboardUser?> FindAsync(string email, CancellationToken cancellationToken);

    /// <summary>Every user, by e-mail.</summary>
    Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes the user; <see langword="false"/> when there is none.</summary>
    Task<bool> DeleteAsync(string email, CancellationToken cancellationToken);
}
