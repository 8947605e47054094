using System.Security.Cryptography;
using System.Text;
using UsageLens.Core.Accounts;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Querying;

/// <summary>A masked caller sees the same pseudonym for a person on either engine: 'user-' and 8 hex digits of the value's MD5.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class PseudonymTests(ClickHouseServers servers)
{
    [SkippableFact]
    public async Task Pseudonyms_are_the_same_on_both_engines_and_only_emails_are_replaced_when_asked()
    {
        ClickHouseRequirement.Check();
        using var pair = await EnginePair.OpenAsync(servers.SingleDatabase());
        await pair.WriteAsync(new IngestBatch([],
        [
            new AccountUpsert("a1", new Dictionary<AccountField, object?> { [AccountField.Name] = "Ann North" }, null),
            new AccountUpsert("a2", new Dictionary<AccountField, object?> { [AccountField.Name] = "dee@south.test" }, null),
            new AccountUpsert("a3", new Dictionary<AccountField, object?>(), null),
        ], []));
        var name = new SqlColumn("a", "name");
        var query = new SqlSelect(
            [
                new SqlSelectItem(new SqlColumn("a", "account_id"), "account_id"),
                new SqlSelectItem(new SqlPseudonym(name, OnlyEmails: false), "always"),
                new SqlSelectItem(new SqlPseudonym(name, OnlyEmails: true), "emails"),
            ],
            new SqlTable(WorkspaceTable.Accounts, "a"),
            OrderBy: [new SqlOrder(new SqlColumn("a", "account_id"))]);
        object?[][] expected =
        [
            ["a1", Pseudonym("Ann North"), "Ann North"],
            ["a2", Pseudonym("dee@south.test"), Pseudonym("dee@south.test")],
            ["a3", null, null],
        ];

        var (duck, clickHouse) = await pair.QueryBothAsync(query);

        Assert.Equal(expected, duck);
        Assert.Equal(expected, clickHouse);
    }

    // MD5 is the pseudonym's definition being checked here, not a security measure.
#pragma warning disable CA5351
    private static string Pseudonym(string value) =>
        "user-" + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(value)))[..8];
#pragma warning restore CA5351
}
