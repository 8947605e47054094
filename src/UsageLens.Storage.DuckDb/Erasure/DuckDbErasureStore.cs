using DuckDB.NET.Data;
using UsageLens.Core.Erasure;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Storage.DuckDb.Erasure;

/// <summary>
/// Erasure on DuckDB, in one transaction: the events go, the rollup rows of every account-day they touched are
/// rebuilt from the events that remain (so other people's usage on those days stays exact), the profiles go,
/// and the erasure is recorded in <c>erasures</c>.
/// </summary>
public sealed class DuckDbErasureStore(DuckDbWorkspace workspace, TimeProvider timeProvider) : IErasureStore
{
    public Task<ErasureRecord> EraseAsync(ErasureKind kind, string id, CancellationToken cancellationToken)
    {
        id = ErasureRecord.CheckId("id", id);
        var key = kind == ErasureKind.User ? "user_id" : "account_id";
        using var connection = workspace.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["events"] = EraseEvents(connection, key, id),
        };
        if (kind == ErasureKind.User)
        {
            rows["users"] = DuckDbCommands.Execute(connection, "DELETE FROM users WHERE user_id = $1", id);
            rows["nps"] = DuckDbCommands.Execute(connection, "DELETE FROM nps WHERE user_id = $1", id);
        }
        else
        {
            rows["accounts"] = DuckDbCommands.Execute(connection, "DELETE FROM accounts WHERE account_id = $1", id);
            rows["users"] = DuckDbCommands.Execute(connection, "DELETE FROM users WHERE account_id = $1", id);
            rows["subscriptions"] = DuckDbCommands.Execute(connection, "DELETE FROM subscriptions WHERE account_id = $1", id);
            rows["nps"] = DuckDbCommands.Execute(connection, "DELETE FROM nps WHERE account_id = $1", id);
        }
        var record = new ErasureRecord(kind, id, timeProvider.GetUtcNow().UtcDateTime, rows);
        DuckDbCommands.Execute(connection, "INSERT INTO erasures (kind, subject_id, erased_at, rows) VALUES ($1, $2, $3, $4)",
            record.KindName, id, record.ErasedAt, record.RowsJson());
        transaction.Commit();
        return Task.FromResult(record);
    }

    public Task<IReadOnlyList<ErasureRecord>> ListAsync(CancellationToken cancellationToken)
    {
        using var connection = workspace.OpenConnection();
        var rows = DuckDbCommands.Rows(connection, "SELECT kind, subject_id, erased_at, CAST(rows AS VARCHAR) FROM erasures ORDER BY erased_at, kind, subject_id", [], cancellationToken);
        return Task.FromResult<IReadOnlyList<ErasureRecord>>(
            [.. rows.Select(r => new ErasureRecord(ErasureRecord.ParseKind("kind", (string)r[0]!), (string)r[1]!, (DateTime)r[2]!, ErasureRecord.ParseRows((string)r[3]!)))]);
    }

    // key is one of two constant column names, never caller text.
    private static long EraseEvents(DuckDBConnection connection, string key, string id)
    {
        DuckDbCommands.Execute(connection, $"CREATE TEMP TABLE erased_days AS SELECT DISTINCT date_trunc('day', timestamp) AS day, account_id FROM events WHERE {key} = $1", id);
        var events = DuckDbCommands.Execute(connection, $"DELETE FROM events WHERE {key} = $1", id);
        // Only the subject's own monthly rows go; the re-append below repeats other users' keys, which OR and min read the same.
        DuckDbCommands.Execute(connection, $"DELETE FROM {EventRollups.UserMonths} WHERE {key} = $1", id);
        foreach (var rollup in new[] { EventRollups.AccountDays, EventRollups.UserDays })
        {
            DuckDbCommands.Execute(connection, $"DELETE FROM {rollup} AS r USING erased_days AS d WHERE r.day = d.day AND r.account_id = d.account_id");
        }
        DuckDbCommands.Execute(connection,
            "CREATE TEMP TABLE erased_day_events AS SELECT e.* FROM events AS e JOIN erased_days AS d ON date_trunc('day', e.timestamp) = d.day AND e.account_id = d.account_id");
        EventRollups.Append(connection, "erased_day_events");
        DuckDbCommands.Execute(connection, "DROP TABLE erased_day_events; DROP TABLE erased_days");
        return events;
    }
}
