namespace UsageLens.Core.Keys;

/// <summary>The wire names of <see cref="ApiKeyRole"/> (<c>admin</c>, <c>analyst</c>, <c>viewer</c>, <c>partner</c>, <c>writer</c>) as stored and typed on the command line.</summary>
public static class ApiKeyRoles
{
    /// <summary>The lower-case name stored in <c>api_keys.role</c> and used in claims.</summary>
    public static string Name(this ApiKeyRole role) => role switch
    {
        ApiKeyRole.Admin => "admin",
        ApiKeyRole.Analyst => "analyst",
        ApiKeyRole.Partner => "partner",
        ApiKeyRole.Writer => "writer",
        ApiKeyRole.Viewer => "viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>
    /// The partner id a key or user of <paramref name="role"/> carries: a partner must name one, other roles must not.
    /// <paramref name="holder"/> names what carries it ("key" or "user") in the message.
    /// </summary>
    /// <exception cref="UsageLensException">The partner id is missing for a partner or given for another role.</exception>
    public static string? PartnerOf(this ApiKeyRole role, string? partnerId, string holder)
    {
        partnerId = string.IsNullOrWhiteSpace(partnerId) ? null : partnerId.Trim();
        if (role == ApiKeyRole.Partner && partnerId is null)
        {
            throw new UsageLensException($"a partner {holder} needs a partner id");
        }
        if (role != ApiKeyRole.Partner && partnerId is not null)
        {
            throw new UsageLensException($"only partner {holder}s carry a partner id, not {role.Name()} {holder}s");
        }
        return partnerId;
    }

    /// <summary>Every role name, for help texts and error messages.</summary>
    public static string AllNames { get; } = string.Join(", ", Enum.GetValues<ApiKeyRole>().Select(r => r.Name()));

    /// <summary>Parses a role name, ignoring case; returns <see langword="false"/> for anything else.</summary>
    public static bool TryParse(string? name, out ApiKeyRole role)
    {
        foreach (var candidate in Enum.GetValues<ApiKeyRole>())
        {
            if (string.Equals(candidate.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }
}
