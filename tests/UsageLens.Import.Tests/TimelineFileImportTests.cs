using UsageLens.Ingest.Files;

namespace UsageLens.Import.Tests;

public sealed class TimelineFileImportTests : IDisposable
{
    private readonly ImportFixture _fixture = new();

    [Fact]
    public async Task Subscriptions_upsert_on_account_and_effective_time_with_the_last_row_winning()
    {
        await _fixture.Import(ImportKind.Subscriptions, _fixture.Write("subscriptions.csv", """
            account_id,effective_at,plan,mrr,currency,discount_pct,seats,included_units
            acct-1,2026-01-01T00:00:00Z,starter,100,EUR,0,5,"{""api_call"":10000}"
            acct-1,2026-06-01T00:00:00+02:00,growth,450,EUR,10,20,
            acct-1,2026-01-01T00:00:00Z,starter,90,EUR,10,5,"{""api_call"":10000}"

            """));

        var report = await _fixture.Import(ImportKind.Subscriptions, _fixture.Write("correction.csv", """
            account_id,effective_at,mrr
            acct-1,2026-05-31T22:00:00Z,400

            """));

        Assert.Equal((1L, 0L), (report.RowsStored, report.DuplicatesSkipped));
        Assert.Equal(
            [
                [new DateTime(2026, 1, 1), "starter", 90d, 10d, 5, 10000L],
                // The correction names the same instant in UTC, so it replaces the whole row.
                [new DateTime(2026, 5, 31, 22, 0, 0), null, 400d, null, null, null],
            ],
            _fixture.Rows("SELECT effective_at, plan, mrr, discount_pct, seats, (included_units->'api_call')::BIGINT FROM subscriptions ORDER BY effective_at"));
    }

    [Fact]
    public async Task Nps_answers_upsert_on_account_user_and_time_and_an_empty_user_is_stored_as_empty()
    {
        var report = await _fixture.Import(ImportKind.Nps, _fixture.Write("nps.csv", """
            account_id,user_id,responded_at,score,comment
            acct-1,u-1,2026-10-01T10:00:00Z,9,great
            acct-1,,2026-10-01T10:00:00Z,6.0,
            acct-1,u-1,2026-10-01T10:00:00Z,10,even better

            """));

        Assert.Equal((2L, 1L), (report.RowsStored, report.DuplicatesSkipped));
        Assert.Equal([["", 6, null], ["u-1", 10, "even better"]],
            _fixture.Rows("SELECT user_id, score, comment FROM nps ORDER BY user_id"));
    }

    [Fact]
    public async Task Subscription_rows_from_two_files_form_one_timeline()
    {
        var first = _fixture.Write("2025.csv", "account_id,effective_at,mrr\nacct-1,2025-01-01T00:00:00Z,100\nacct-1,2025-07-01T00:00:00Z,150\n");
        var second = _fixture.Write("2026.csv", "account_id,effective_at,mrr\nacct-1,2025-07-01T00:00:00Z,175\nacct-1,2026-01-01T00:00:00Z,0\n");

        var report = await _fixture.Import(ImportKind.Subscriptions, first, second);

        Assert.Equal((3L, 1L), (report.RowsStored, report.DuplicatesSkipped));
        Assert.Equal([[100d], [175d], [0d]], _fixture.Rows("SELECT mrr FROM subscriptions ORDER BY effective_at"));
    }

    [Fact]
    public async Task Unknown_subscription_columns_are_ignored_and_reported()
    {
        var report = await _fixture.Import(ImportKind.Subscriptions, _fixture.Write("subscriptions.csv", """
            account_id,effective_at,mrr,stripe_id
            acct-1,2026-01-01T00:00:00Z,100,sub_123

            """));

        Assert.Equal(["stripe_id"], report.Files[0].IgnoredColumns);
        Assert.Equal(1L, _fixture.Long("SELECT count(*) FROM subscriptions"));
    }

    public void Dispose() => _fixture.Dispose();
}
