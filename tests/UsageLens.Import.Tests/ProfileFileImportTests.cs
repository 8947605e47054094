using UsageLens.Ingest.Files;

namespace UsageLens.Import.Tests;

public sealed class ProfileFileImportTests : IDisposable
{
    private readonly ImportFixture _fixture = new();

    [Fact]
    public async Task Accounts_are_typed_and_the_last_row_of_an_account_wins_within_a_file()
    {
        var file = _fixture.Write("accounts.csv", """
            account_id,name,segment,revenue,strategic,licensed_seats,created_at,industry
            acct-1,Acme,smb,1200.50,FALSE,10,2025-01-15T09:00:00+01:00,retail
            acct-1,Acme Corp,,,true,,,

            """);

        var report = await _fixture.Import(ImportKind.Accounts, file);

        Assert.Equal((1L, 1L), (report.RowsStored, report.DuplicatesSkipped));
        // The second row renames and flags the account; its empty cells keep the first row's values.
        Assert.Equal([["acct-1", "Acme Corp", "smb", 1200.5d, true, 10, new DateTime(2025, 1, 15, 8, 0, 0), "retail"]],
            _fixture.Rows("SELECT account_id, name, segment, revenue, strategic, licensed_seats, created_at, traits->>'industry' FROM accounts"));
    }

    [Fact]
    public async Task A_later_account_import_updates_fields_and_merges_traits()
    {
        await _fixture.Import(ImportKind.Accounts, _fixture.Write("first.csv", """
            account_id,plan,industry,owner
            acct-1,starter,retail,ann

            """));

        await _fixture.Import(ImportKind.Accounts, _fixture.Write("second.jsonl", """
            {"account_id":"acct-1","plan":"growth","traits":{"owner":"bob"},"employees":250}

            """));

        Assert.Equal([["growth", "retail", "bob", 250L]],
            _fixture.Rows("SELECT plan, traits->>'industry', traits->>'owner', (traits->'employees')::BIGINT FROM accounts"));
    }

    [Fact]
    public async Task Within_one_import_a_later_file_wins_over_an_earlier_one()
    {
        var csv = _fixture.Write("crm.csv", """
            account_id,plan,tier
            acct-1,starter,bronze
            acct-2,growth,silver

            """);
        var jsonl = _fixture.Write("fixes.jsonl", """
            {"account_id":"acct-1","plan":"enterprise"}

            """);

        var report = await _fixture.Import(ImportKind.Accounts, csv, jsonl);

        Assert.Equal((2L, 1L, 3L), (report.RowsStored, report.DuplicatesSkipped, report.RowsRead));
        Assert.Equal([["acct-1", "enterprise", "bronze"], ["acct-2", "growth", "silver"]],
            _fixture.Rows("SELECT account_id, plan, traits->>'tier' FROM accounts ORDER BY account_id"));
    }

    [Fact]
    public async Task Users_are_upserted_with_their_account_email_and_traits()
    {
        await _fixture.Import(ImportKind.Users, _fixture.Write("users.csv", """
            user_id,account_id,email,created_at,role
            u-1,acct-1,ann@example.com,2026-01-01T00:00:00-08:00,admin
            u-2,acct-1,,,
            u-1,acct-2,,,

            """));

        Assert.Equal(
            [["u-1", "acct-2", "ann@example.com", new DateTime(2026, 1, 1, 8, 0, 0), "admin"], ["u-2", "acct-1", null, null, null]],
            _fixture.Rows("SELECT user_id, account_id, email, created_at, traits->>'role' FROM users ORDER BY user_id"));
    }

    public void Dispose() => _fixture.Dispose();
}
