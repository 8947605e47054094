using System.Globalization;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Reliability;

/// <summary>A DuckDB workspace file, opened after its server was killed (opening replays the write-ahead log).</summary>
internal sealed class DuckDbCensus(string path) : IStoreCensus
{
    public Task<Dictionary<string, long>> MessageCountsAsync() =>
        Task.FromResult(Read("SELECT id, count(*) FROM events GROUP BY id").ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture)));

    public Task<Dictionary<string, DayTotals>> RawTotalsAsync(bool byUser) =>
        Task.FromResult(Totals($"SELECT {Key("timestamp", byUser)}, count(*), sum(quantity) FROM events GROUP BY 1"));

    public Task<Dictionary<string, DayTotals>> RollupTotalsAsync(bool byUser) =>
        Task.FromResult(Totals($"SELECT {Key("day", byUser)}, CAST(sum(events) AS BIGINT), sum(quantity) FROM {(byUser ? "rollup_user_days" : "rollup_account_days")} GROUP BY 1"));

    public Task<Dictionary<string, MonthActivity>> MonthlyActivityAsync(bool rollup) =>
        Task.FromResult(Read(rollup
                ? "SELECT concat_ws('|', strftime(month, '%Y-%m'), account_id, user_id, event), CAST(bit_or(days) AS BIGINT), CAST(epoch(min(first_at)) AS BIGINT) FROM rollup_user_months GROUP BY 1"
                : "SELECT concat_ws('|', strftime(timestamp, '%Y-%m'), account_id, user_id, event), CAST(bit_or(CAST(1 AS BIGINT) << (day(timestamp) - 1)) AS BIGINT), CAST(epoch(min(timestamp)) AS BIGINT) FROM events WHERE user_id IS NOT NULL GROUP BY 1")
            .ToDictionary(r => (string)r[0]!, r => new MonthActivity(Convert.ToInt64(r[1], CultureInfo.InvariantCulture), Convert.ToInt64(r[2], CultureInfo.InvariantCulture))));

    public Task<long> EventsWithIdPrefixAsync(string prefix) =>
        Task.FromResult(Convert.ToInt64(Read("SELECT count(*) FROM events WHERE starts_with(id, $1)", prefix)[0][0], CultureInfo.InvariantCulture));

    private static string Key(string time, bool byUser) =>
        $"concat_ws('|', CAST(floor(epoch({time}) / 86400) AS BIGINT), account_id, {(byUser ? "coalesce(user_id, ''), " : "")}event)";

    private Dictionary<string, DayTotals> Totals(string sql) =>
        Read(sql).ToDictionary(r => (string)r[0]!, r => new DayTotals(Convert.ToInt64(r[1], CultureInfo.InvariantCulture), Convert.ToDouble(r[2], CultureInfo.InvariantCulture)));

    private List<object?[]> Read(string sql, params object?[] parameters)
    {
        using var workspace = DuckDbWorkspace.Open(path);
        using var connection = workspace.OpenConnection();
        return DuckDbCommands.Rows(connection, sql, parameters);
    }
}
