using UsageLens.Core.Accounts;
using UsageLens.Core.Erasure;
using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Erasure;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Erasure;

/// <summary>
/// After an erasure on ClickHouse, events, the rollups and the profiles read exactly as in a workspace that was
/// never sent the erased person or account.
/// </summary>
[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseErasureTests(ClickHouseServers servers)
{
    private static readonly string[] s_reads =
    [
        "SELECT count(), sum(quantity) FROM events",
        "SELECT day, account_id, event, sum(events), sum(quantity), min(first_at) FROM rollup_account_days GROUP BY day, account_id, event ORDER BY day, account_id, event",
        "SELECT day, account_id, user_id, sum(events), sum(quantity) FROM rollup_user_days GROUP BY day, account_id, user_id ORDER BY day, account_id, user_id",
        "SELECT month, account_id, user_id, event, groupBitOr(days), min(first_at) FROM rollup_user_months GROUP BY month, account_id, user_id, event ORDER BY month, account_id, user_id, event",
        "SELECT user_id, account_id, email FROM users FINAL ORDER BY user_id",
        "SELECT account_id FROM accounts FINAL ORDER BY account_id",
    ];

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task Erasing_a_person_reads_as_if_they_had_never_been_sent(string layout)
    {
        ClickHouseRequirement.Check();
        using var erased = await OpenAsync(layout, withBob: true);
        using var never = await OpenAsync(layout, withBob: false);

        var record = await new ClickHouseErasureStore(erased, TimeProvider.System).EraseAsync(ErasureKind.User, "ub", default);

        // Bob's two calls and his profile.
        Assert.Equal(new Dictionary<string, long> { ["events"] = 2, ["users"] = 1, ["nps"] = 0 }, record.Rows);
        await AssertSameAsync(never, erased);
        Assert.Equal([("user", "ub")], (await new ClickHouseErasureStore(erased, TimeProvider.System).ListAsync(default)).Select(r => (r.KindName, r.Id)));
    }

    [SkippableTheory]
    [InlineData("single")]
    [InlineData("cluster")]
    public async Task Erasing_an_account_reads_as_if_it_had_never_been_sent(string layout)
    {
        ClickHouseRequirement.Check();
        using var erased = await OpenAsync(layout, withBob: true);
        using var never = await OpenAsync(layout, withBob: true, withAccountB: false);

        var record = await new ClickHouseErasureStore(erased, TimeProvider.System).EraseAsync(ErasureKind.Account, "b", default);

        Assert.Equal(new Dictionary<string, long> { ["events"] = 1, ["accounts"] = 1, ["users"] = 1, ["subscriptions"] = 0, ["nps"] = 0 }, record.Rows);
        await AssertSameAsync(never, erased);
    }

    // Ann (ua) and Bob (ub) of account a share two days; Cy (uc) of account b shares the first.
    private async Task<ClickHouseWorkspace> OpenAsync(string layout, bool withBob, bool withAccountB = true)
    {
        var workspace = await ClickHouseWorkspace.OpenAsync(servers.Database(layout), default);
        var day = SampleEvents.Day;
        var events = new List<UsageEvent> { Call("a1", "a", "ua", day.AddHours(1), 10), Call("a2", "a", "ua", day.AddDays(1), 5) };
        var accounts = new List<AccountUpsert> { SampleEvents.Account("a", "smb") };
        var users = new List<UserUpsert> { new("ua", "a", "ann@north.test", null, null) };
        if (withBob)
        {
            events.AddRange([Call("b1", "a", "ub", day.AddHours(2), 30), Call("b2", "a", "ub", day.AddDays(1).AddHours(2), 7)]);
            users.Add(new UserUpsert("ub", "a", "bob@north.test", null, null));
        }
        if (withAccountB)
        {
            events.Add(Call("c1", "b", "uc", day.AddHours(3), 60));
            accounts.Add(SampleEvents.Account("b", "mid"));
            users.Add(new UserUpsert("uc", "b", "cy@south.test", null, null));
        }
        using var writer = new ClickHouseIngestionStore(workspace, TimeProvider.System) { MinimumInsertInterval = TimeSpan.Zero };
        await writer.WriteAsync(new IngestBatch(events, accounts, users), default);
        return workspace;
    }

    private static UsageEvent Call(string id, string account, string user, DateTime at, double quantity) =>
        new(id, "test", at, account, user, "api_call", quantity, "calls", null, null, null, null);

    private static async Task AssertSameAsync(ClickHouseWorkspace expected, ClickHouseWorkspace actual)
    {
        foreach (var sql in s_reads)
        {
            Assert.Equal((await expected.Entry.QueryAsync(sql, default)).Rows, (await actual.Entry.QueryAsync(sql, default)).Rows);
        }
    }
}
