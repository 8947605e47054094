using System.Globalization;
using System.Text;

namespace UsageLens.Reliability;

/// <summary>A ClickHouse workspace read over the server's HTTP interface (tab-separated answers).</summary>
internal sealed class ClickHouseCensus(int httpPort, string database) : IStoreCensus
{
    public async Task<Dictionary<string, long>> MessageCountsAsync() =>
        (await ReadAsync("SELECT id, count() FROM events GROUP BY id")).ToDictionary(r => r[0], r => long.Parse(r[1], CultureInfo.InvariantCulture));

    // The prefixes are the tool's own "fN-" (this tool cannot reach the product's ClickHouseLiteral), so anything
    // else is refused rather than written into the SQL.
    public async Task<long> EventsWithIdPrefixAsync(string prefix)
    {
        if (!prefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{prefix}' is not a file's id prefix", nameof(prefix));
        }
        return long.Parse((await ReadAsync($"SELECT count() FROM events WHERE startsWith(id, '{prefix}')"))[0][0], CultureInfo.InvariantCulture);
    }

    public Task<Dictionary<string, DayTotals>> RawTotalsAsync(bool byUser) =>
        TotalsAsync($"SELECT {Key("timestamp", byUser)} AS k, count(), sum(quantity) FROM events GROUP BY k");

    public Task<Dictionary<string, DayTotals>> RollupTotalsAsync(bool byUser) =>
        TotalsAsync($"SELECT {Key("day", byUser)} AS k, sum(events), sum(quantity) FROM {(byUser ? "rollup_user_days" : "rollup_account_days")} GROUP BY k");

    public async Task<Dictionary<string, MonthActivity>> MonthlyActivityAsync(bool rollup) =>
        (await ReadAsync(rollup
            ? "SELECT concat(toString(toYYYYMM(month)), '|', account_id, '|', assumeNotNull(user_id), '|', event) AS k, groupBitOr(days), toUInt32(min(first_at)) FROM rollup_user_months GROUP BY k"
            : "SELECT concat(toString(toYYYYMM(timestamp)), '|', account_id, '|', assumeNotNull(user_id), '|', event) AS k, "
              + "groupBitOr(toUInt64(bitShiftLeft(toUInt64(1), toDayOfMonth(timestamp) - 1))), toUInt32(min(timestamp)) FROM events WHERE isNotNull(user_id) GROUP BY k"))
        .ToDictionary(r => r[0], r => new MonthActivity(long.Parse(r[1], CultureInfo.InvariantCulture), long.Parse(r[2], CultureInfo.InvariantCulture)));

    // Days by arithmetic on the Unix time, so no time zone function of the 18.16 server is involved.
    private static string Key(string time, bool byUser) =>
        $"concat(toString(intDiv(toUInt32({time}), 86400)), '|', account_id, '|', {(byUser ? "ifNull(user_id, ''), '|', " : "")}event)";

    private async Task<Dictionary<string, DayTotals>> TotalsAsync(string sql) =>
        (await ReadAsync(sql)).ToDictionary(r => r[0], r => new DayTotals(long.Parse(r[1], CultureInfo.InvariantCulture), double.Parse(r[2], CultureInfo.InvariantCulture)));

    private async Task<List<string[]>> ReadAsync(string sql)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        using var body = new StringContent(sql + " FORMAT TabSeparated", Encoding.UTF8);
        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{httpPort}/?database={database}"), body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"ClickHouse refused '{sql}': {text}");
        }
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'))];
    }
}
