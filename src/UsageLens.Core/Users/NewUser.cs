using UsageLens.Core.Keys;

namespace UsageLens.Core.Users;

/// <summary>The checked fields of a user about to be stored: a normalised e-mail, a long-enough password, a role with its partner.</summary>
public sealed record NewUser(string Email, string StoredHash, ApiKeyRole Role, string? PartnerId)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 8;

    private const int MaxEmailLength = 254;
    private const int MaxPasswordLength = 1024;

    /// <summary>Checks and hashes; e-mails are kept trimmed and lower-case, so sign-in ignores case.</summary>
    /// <exception cref="UsageLensException">A field is missing or malformed; the message names it.</exception>
    public static NewUser Of(string? email, string? password, ApiKeyRole role, string? partnerId)
    {
        var normalised = NormaliseEmail(email);
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            throw new UsageLensException($"password: must be at least {MinPasswordLength} characters");
        }
        if (password.Length > MaxPasswordLength)
        {
            throw new UsageLensException($"password: must be at most {MaxPasswordLength} characters");
        }
        var partner = role.PartnerOf(partnerId, "user");
        return new NewUser(normalised, PasswordHash.Hash(password), role, partner);
    }

    /// <summary>The stored form of an e-mail: trimmed, lower-case, with one @ between two non-empty parts.</summary>
    /// <exception cref="UsageLensException">It is not an e-mail address.</exception>
    public static string NormaliseEmail(string? email)
    {
        var trimmed = email?.Trim().ToLowerInvariant() ?? "";
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (trimmed.Length > MaxEmailLength || at < 1 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1 || trimmed.Any(char.IsWhiteSpace))
        {
            throw new UsageLensException($"email: '{email}' is not an e-mail address");
        }
        return trimmed;
    }
}
