using UsageLens.Core;
using UsageLens.Core.Keys;
using UsageLens.Core.Users;
using UsageLens.Storage.DuckDb.Keys;

namespace UsageLens.Storage.DuckDb.Tests.Keys;

public sealed class UserStoreTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 15, 9, 30, 0, TimeSpan.Zero);
    private readonly DuckDbWorkspace _workspace = DuckDbWorkspace.Open(":memory:");

    private UserStore Store() => new(_workspace, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(s_now));

    [Fact]
    public async Task A_created_user_verifies_with_its_password_only_and_the_password_is_stored_hashed()
    {
        await Store().CreateAsync("Pat@Partner.test", "s3cret-enough", ApiKeyRole.Partner, "p-1", default);

        Assert.Equal(new DashboardUser("pat@partner.test", ApiKeyRole.Partner, "p-1", s_now.UtcDateTime), await Store().VerifyAsync("PAT@partner.test ", "s3cret-enough", default));
        Assert.Null(await Store().VerifyAsync("pat@partner.test", "s3cret-enougH", default));
        Assert.Null(await Store().VerifyAsync("nobody@partner.test", "s3cret-enough", default));
        using var connection = _workspace.OpenConnection();
        var stored = (string)DuckDbCommands.Scalar(connection, "SELECT password_hash FROM app_users")!;
        Assert.StartsWith("pbkdf2-sha256$600000$", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_are_listed_by_email_and_deleted_one_by_one()
    {
        await Store().CreateAsync("zed@example.com", "long enough", ApiKeyRole.Viewer, null, default);
        await Store().CreateAsync("amy@example.com", "long enough", ApiKeyRole.Admin, null, default);

        Assert.Equal(["amy@example.com", "zed@example.com"], (await Store().ListAsync(default)).Select(u => u.Email));
        Assert.True(await Store().DeleteAsync("ZED@example.com", default));
        Assert.False(await Store().DeleteAsync("zed@example.com", default));
        Assert.Equal(["amy@example.com"], (await Store().ListAsync(default)).Select(u => u.Email));
    }

    [Fact]
    public async Task A_second_user_with_the_same_email_is_refused()
    {
        await Store().CreateAsync("amy@example.com", "long enough", ApiKeyRole.Admin, null, default);

        var refused = await Assert.ThrowsAsync<UsageLensException>(() => Store().CreateAsync("Amy@example.com", "other enough", ApiKeyRole.Viewer, null, default));

        Assert.Equal("email: a user 'amy@example.com' already exists", refused.Message);
    }

    [Fact]
    public async Task Keys_are_listed_by_prefix_and_revoked_by_it()
    {
        var keys = new ApiKeyStore(_workspace, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(s_now));
        var writer = await keys.CreateAsync(ApiKeyRole.Writer, null, default);
        var partner = await keys.CreateAsync(ApiKeyRole.Partner, "p-2", default);

        var listed = await keys.ListAsync(default);

        Assert.Equal(
            new[] { new ApiKeyListing(writer.Key[..11], ApiKeyRole.Writer, null, s_now.UtcDateTime), new ApiKeyListing(partner.Key[..11], ApiKeyRole.Partner, "p-2", s_now.UtcDateTime) }.OrderBy(k => k.Id, StringComparer.Ordinal),
            listed);
        Assert.True(await keys.DeleteAsync(writer.Key[..11], default));
        Assert.Null(await keys.VerifyAsync(writer.Key, default));
        Assert.NotNull(await keys.VerifyAsync(partner.Key, default));
    }

    public void Dispose() => _workspace.Dispose();
}
