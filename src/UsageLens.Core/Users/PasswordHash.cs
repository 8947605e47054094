using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UsageLens.Core.Users;

/// <summary>
/// Password hashes: PBKDF2-HMAC-SHA256 with a 16-byte random salt and 600,000 iterations (OWASP's 2023
/// recommendation for that function), stored as <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (base64), so
/// the count can be raised later without breaking stored hashes.
/// </summary>
public static class PasswordHash
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>The stored form of <paramref name="password"/>, freshly salted.</summary>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="password"/> is the one <paramref name="stored"/> was made from (compared in constant time).</summary>
    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }
        var expected = Convert.FromBase64String(parts[3]);
        return CryptographicOperations.FixedTimeEquals(Derive(password, Convert.FromBase64String(parts[2]), iterations), expected);
    }

    /// <summary>
    /// Spends the time a real check costs, for an e-mail that has no user, so timing does not tell which
    /// e-mails are registered.
    /// </summary>
    public static void Waste(string password) => Derive(password ?? "", new byte[SaltBytes], Iterations);

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
