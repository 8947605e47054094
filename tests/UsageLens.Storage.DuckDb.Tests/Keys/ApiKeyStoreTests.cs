using System.Security.Cryptography;
using System.Text;
using UsageLens.Core;
using UsageLens.Core.Keys;
using UsageLens.Storage.DuckDb.Keys;

namespace UsageLens.Storage.DuckDb.Tests.Keys;

public sealed class ApiKeyStoreTests : IDisposable
{
    private readonly DuckDbWorkspace _workspace = DuckDbWorkspace.Open(":memory:");

    private ApiKeyStore Store() => new(_workspace, TimeProvider.System);

    [Fact]
    public async Task A_created_key_verifies_to_its_role_and_partner()
    {
        var created = await Store().CreateAsync(ApiKeyRole.Partner, "p-7", default);

        Assert.Equal(new ApiKeyGrant(ApiKeyRole.Partner, "p-7", created.Key[..11]), await Store().VerifyAsync(created.Key, default));
        Assert.Matches("^ul_[A-Za-z0-9_-]{43}$", created.Key);
    }

    [Fact]
    public async Task Only_the_sha256_of_the_key_is_stored()
    {
        var created = await Store().CreateAsync(ApiKeyRole.Writer, null, default);
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Key)));

        using var connection = _workspace.OpenConnection();
        Assert.Equal(expectedHash, DuckDbCommands.Scalar(connection, "SELECT key_hash FROM api_keys"));
        Assert.Equal(0L, DuckDbCommands.Scalar(connection, "SELECT count(*) FROM api_keys WHERE key_hash = $1 OR prefix = $1", created.Key));
        Assert.Equal("writer", DuckDbCommands.Scalar(connection, "SELECT role FROM api_keys"));
    }

    [Fact]
    public async Task An_unknown_or_altered_key_verifies_to_nothing()
    {
        var created = await Store().CreateAsync(ApiKeyRole.Admin, null, default);

        Assert.Null(await Store().VerifyAsync(created.Key + "x", default));
        Assert.Null(await Store().VerifyAsync("", default));
    }

    [Fact]
    public async Task A_partner_key_needs_a_partner_and_other_keys_refuse_one()
    {
        Assert.Equal("a partner key needs a partner id", (await Assert.ThrowsAsync<UsageLensException>(() => Store().CreateAsync(ApiKeyRole.Partner, " ", default))).Message);
        Assert.Equal("only partner keys carry a partner id, not analyst keys", (await Assert.ThrowsAsync<UsageLensException>(() => Store().CreateAsync(ApiKeyRole.Analyst, "p-1", default))).Message);
    }

    [Theory]
    [InlineData("Writer", ApiKeyRole.Writer)]
    [InlineData("admin", ApiKeyRole.Admin)]
    [InlineData("VIEWER", ApiKeyRole.Viewer)]
    public void Role_names_parse_ignoring_case(string name, ApiKeyRole role)
    {
        Assert.True(ApiKeyRoles.TryParse(name, out var parsed));
        Assert.Equal(role, parsed);
        Assert.False(ApiKeyRoles.TryParse("root", out _));
    }

    public void Dispose() => _workspace.Dispose();
}
