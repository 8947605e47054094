using UsageLens.Core;
using UsageLens.Core.Keys;
using UsageLens.Core.Users;
using UsageLens.Storage.ClickHouse.Keys;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Keys;

/// <summary>Dashboard users and key revocation on ClickHouse, on one server and on every node of a cluster.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseUserStoreTests(ClickHouseServers servers)
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 15, 9, 30, 0, TimeSpan.Zero);

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task Users_verify_list_refuse_duplicates_and_are_deleted_at_once(string layout)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        var users = new ClickHouseUserStore(workspace, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(s_now));
        await users.CreateAsync("Pat@North.test", "long enough", ApiKeyRole.Partner, "p-north", default);
        await users.CreateAsync("amy@example.com", "long enough", ApiKeyRole.Viewer, null, default);

        var duplicate = await Assert.ThrowsAsync<UsageLensException>(() => users.CreateAsync("pat@north.test", "other enough", ApiKeyRole.Admin, null, default));

        Assert.Equal("email: a user 'pat@north.test' already exists", duplicate.Message);
        Assert.Equal(new DashboardUser("pat@north.test", ApiKeyRole.Partner, "p-north", s_now.UtcDateTime), await users.VerifyAsync("pat@north.test", "long enough", default));
        Assert.Null(await users.VerifyAsync("pat@north.test", "long enougH", default));
        Assert.Equal(["amy@example.com", "pat@north.test"], (await users.ListAsync(default)).Select(u => u.Email));
        Assert.True(await users.DeleteAsync("pat@north.test", default));
        Assert.Null(await users.FindAsync("pat@north.test", default));
        Assert.Equal(["amy@example.com"], (await users.ListAsync(default)).Select(u => u.Email));
    }

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task A_revoked_key_no_longer_verifies_and_is_no_longer_listed(string layout)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        var keys = new ClickHouseApiKeyStore(workspace, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(s_now));
        var revoked = await keys.CreateAsync(ApiKeyRole.Writer, null, default);
        var kept = await keys.CreateAsync(ApiKeyRole.Viewer, null, default);

        Assert.True(await keys.DeleteAsync(revoked.Key[..11], default));

        Assert.Null(await keys.VerifyAsync(revoked.Key, default));
        Assert.NotNull(await keys.VerifyAsync(kept.Key, default));
        Assert.Equal([new ApiKeyListing(kept.Key[..11], ApiKeyRole.Viewer, null, s_now.UtcDateTime)], await keys.ListAsync(default));
    }
}
