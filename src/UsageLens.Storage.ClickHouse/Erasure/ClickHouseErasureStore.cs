using UsageLens.Core.Erasure;
using UsageLens.Storage.ClickHouse.Ingestion;
using static UsageLens.Storage.ClickHouse.Schema.ClickHouseTables;

namespace UsageLens.Storage.ClickHouse.Erasure;

/// <summary>
/// Erasure on ClickHouse through <c>ALTER TABLE ... DELETE</c> mutations, waited for on every node. A person's
/// erasure also rebuilds the account-day rollup rows of the days their events touched from the events that remain;
/// an account's erasure simply drops its rollup rows. Values reach SQL only through <see cref="ClickHouseLiteral"/>.
/// </summary>
public sealed class ClickHouseErasureStore(ClickHouseWorkspace workspace, TimeProvider timeProvider) : IErasureStore
{
    private static readonly string[] s_columns = ["kind", "subject_id", "erased_at", "rows", "version"];

    public async Task<ErasureRecord> EraseAsync(ErasureKind kind, string id, CancellationToken cancellationToken)
    {
        id = ErasureRecord.CheckId("id", id);
        var literal = ClickHouseLiteral.Quote(id);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        if (kind == ErasureKind.User)
        {
            rows["events"] = await EraseUserEventsAsync(literal, cancellationToken).ConfigureAwait(false);
            rows["users"] = await DeleteAsync(Users, $"user_id = {literal}", local: false, cancellationToken).ConfigureAwait(false);
            rows["nps"] = await DeleteAsync(Nps, $"user_id = {literal}", local: false, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var byAccount = $"account_id = {literal}";
            rows["events"] = await DeleteAsync(Events, byAccount, local: true, cancellationToken).ConfigureAwait(false);
            await DeleteAsync(AccountDays, byAccount, local: true, cancellationToken).ConfigureAwait(false);
            await DeleteAsync(UserDays, byAccount, local: true, cancellationToken).ConfigureAwait(false);
            await DeleteAsync(UserMonths, byAccount, local: true, cancellationToken).ConfigureAwait(false);
            rows["accounts"] = await DeleteAsync(Accounts, byAccount, local: false, cancellationToken).ConfigureAwait(false);
            rows["users"] = await DeleteAsync(Users, byAccount, local: false, cancellationToken).ConfigureAwait(false);
            rows["subscriptions"] = await DeleteAsync(Subscriptions, byAccount, local: false, cancellationToken).ConfigureAwait(false);
            rows["nps"] = await DeleteAsync(Nps, byAccount, local: false, cancellationToken).ConfigureAwait(false);
        }
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var record = new ErasureRecord(kind, id, now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), rows);
        var line = new JsonEachRow(s_columns);
        line.Add(record.KindName, id, record.ErasedAt, record.RowsJson(), now.Ticks);
        await workspace.InsertEverywhereAsync(Erasures, s_columns, line.ToString(), cancellationToken).ConfigureAwait(false);
        return record;
    }

    public async Task<IReadOnlyList<ErasureRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await workspace.Entry.QueryAsync($"SELECT kind, subject_id, erased_at, rows FROM {Erasures} FINAL ORDER BY erased_at, kind, subject_id", cancellationToken).ConfigureAwait(false);
        return [.. rows.Rows.Select(r => new ErasureRecord(ErasureRecord.ParseKind("kind", (string)r[0]!), (string)r[1]!, (DateTime)r[2]!, ErasureRecord.ParseRows((string)r[3]!)))];
    }

    // The person's own user-day rows go; the account-day rows of the accounts and days they were active on are
    // deleted and summed again from the events left, over the same (accounts × days) so nothing is counted twice.
    private async Task<long> EraseUserEventsAsync(string literal, CancellationToken cancellationToken)
    {
        var touched = await workspace.Entry.QueryAsync(
            $"SELECT DISTINCT account_id, toStartOfDay(timestamp) FROM {Events} WHERE user_id = {literal}", cancellationToken).ConfigureAwait(false);
        var events = await DeleteAsync(Events, $"user_id = {literal}", local: true, cancellationToken).ConfigureAwait(false);
        await DeleteAsync(UserDays, $"user_id = {literal}", local: true, cancellationToken).ConfigureAwait(false);
        await DeleteAsync(UserMonths, $"user_id = {literal}", local: true, cancellationToken).ConfigureAwait(false);
        if (touched.Rows.Count == 0)
        {
            return events;
        }
        var accounts = string.Join(", ", touched.Rows.Select(r => ClickHouseLiteral.Quote((string)r[0]!)).Distinct(StringComparer.Ordinal));
        var days = string.Join(", ", touched.Rows.Select(r => ClickHouseLiteral.Render((DateTime)r[1]!)).Distinct(StringComparer.Ordinal));
        await workspace.DeleteEverywhereAsync(AccountDays, $"account_id IN ({accounts}) AND day IN ({days})", local: true, cancellationToken).ConfigureAwait(false);
        await workspace.Entry.ExecuteAsync(
            $"INSERT INTO {AccountDays} (day, account_id, event, unit, product, classification, events, quantity, first_at) "
            + "SELECT toStartOfDay(timestamp) AS d, account_id, event, unit, product, classification, count(), sum(quantity), min(timestamp) "
            + $"FROM {Events} WHERE account_id IN ({accounts}) AND toStartOfDay(timestamp) IN ({days}) "
            + "GROUP BY d, account_id, event, unit, product, classification",
            cancellationToken).ConfigureAwait(false);
        return events;
    }

    private async Task<long> DeleteAsync(string table, string condition, bool local, CancellationToken cancellationToken)
    {
        var found = await workspace.Entry.QueryAsync($"SELECT count() FROM {table}{(local ? "" : " FINAL")} WHERE {condition}", cancellationToken).ConfigureAwait(false);
        var count = (long)found.Rows[0][0]!;
        if (count > 0)
        {
            await workspace.DeleteEverywhereAsync(table, condition, local, cancellationToken).ConfigureAwait(false);
        }
        return count;
    }
}
