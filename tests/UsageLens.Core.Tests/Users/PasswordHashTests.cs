using System.Security.Cryptography;
using System.Text;
using UsageLens.Core.Users;

namespace UsageLens.Core.Tests.Users;

public sealed class PasswordHashTests
{
    [Fact]
    public void The_stored_form_is_pbkdf2_sha256_with_600000_iterations_of_a_random_salt()
    {
        var stored = PasswordHash.Hash("hunter2hunter2");

        var parts = stored.Split('$');
        Assert.Equal(["pbkdf2-sha256", "600000"], parts[..2]);
        var salt = Convert.FromBase64String(parts[2]);
        Assert.Equal(16, salt.Length);
        // Recomputed here with the framework's PBKDF2 from the parts alone.
        var expected = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("hunter2hunter2"), salt, 600_000, HashAlgorithmName.SHA256, 32);
        Assert.Equal(expected, Convert.FromBase64String(parts[3]));
        Assert.NotEqual(stored, PasswordHash.Hash("hunter2hunter2"));
    }

    [Fact]
    public void Only_the_same_password_verifies()
    {
        var stored = PasswordHash.Hash("correct horse");

        Assert.True(PasswordHash.Verify("correct horse", stored));
        Assert.False(PasswordHash.Verify("Correct horse", stored));
        Assert.False(PasswordHash.Verify("correct horse", "sha1$1$AAAA$AAAA"));
    }

    [Theory]
    [InlineData(" Ana@Example.COM ", "ana@example.com")]
    [InlineData("a@b", "a@b")]
    public void Emails_are_kept_trimmed_and_lower_case(string given, string stored) =>
        Assert.Equal(stored, NewUser.NormaliseEmail(given));

    [Theory]
    [InlineData("ana", "email: 'ana' is not an e-mail address")]
    [InlineData("@example.com", "email: '@example.com' is not an e-mail address")]
    [InlineData("a@b@c", "email: 'a@b@c' is not an e-mail address")]
    public void Malformed_emails_are_refused_naming_the_field(string email, string message) =>
        Assert.Equal(message, Assert.Throws<UsageLensException>(() => NewUser.Of(email, "long enough", Core.Keys.ApiKeyRole.Analyst, null)).Message);

    [Fact]
    public void Short_passwords_and_partner_users_without_a_partner_are_refused()
    {
        Assert.Equal("password: must be at least 8 characters", Assert.Throws<UsageLensException>(() => NewUser.Of("a@b.c", "short", Core.Keys.ApiKeyRole.Analyst, null)).Message);
        Assert.Equal("a partner user needs a partner id", Assert.Throws<UsageLensException>(() => NewUser.Of("a@b.c", "long enough", Core.Keys.ApiKeyRole.Partner, " ")).Message);
        Assert.Equal("only partner users carry a partner id, not viewer users", Assert.Throws<UsageLensException>(() => NewUser.Of("a@b.c", "long enough", Core.Keys.ApiKeyRole.Viewer, "p-1")).Message);
    }
}
