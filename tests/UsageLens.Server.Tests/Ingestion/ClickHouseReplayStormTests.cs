using System.Globalization;
using System.Net;
using UsageLens.Server.Tests.Support;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Server.Tests.Ingestion;

/// <summary>
/// The replay storm on a ClickHouse workspace, where exactly-once is the writer's own lookup rather
/// than a transaction: concurrent resends and resends after the client gave up store each message once.
/// </summary>
public sealed class ClickHouseReplayStormTests
{
    [SkippableFact]
    public async Task Batches_resent_concurrently_and_after_timeouts_are_stored_once_each_with_matching_rollups()
    {
        ClickHouseRequirement.Check();
        var messages = new ReplayedMessages(80, seed: 4);
        var batches = messages.Batches(10);
        await using var serving = await ClickHouseServing.StartAsync("storm");
        var http = serving.Writer;

        // Four clients send every batch; each first gives up on its request after 0 to 300 ms, then resends it.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(client => batches.Select(async (batch, i) =>
        {
            using (var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds((client * 7 + i) * 37 % 300)))
            {
                try
                {
                    using var first = await http.PostAsync("/v1/batch", Json.Body(batch), impatient.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
            using var retry = await http.PostAsync("/v1/batch", Json.Body(batch));
            return retry.StatusCode;
        })));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        using var sql = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{serving.ClickHouse.HttpPort}/") };
        Assert.Equal(messages.Count.ToString(CultureInfo.InvariantCulture), (await QueryAsync(sql, "SELECT count() FROM storm.events")).Trim());
        Assert.Equal(messages.Count.ToString(CultureInfo.InvariantCulture), (await QueryAsync(sql, "SELECT uniqExact(id) FROM storm.events")).Trim());
        var expected = messages.Totals();
        Assert.Equal(expected, await TotalsAsync(sql, "SELECT concat(account_id, '|', event) AS k, count(), sum(quantity) FROM storm.events GROUP BY k"));
        Assert.Equal(expected, await TotalsAsync(sql, "SELECT concat(account_id, '|', event) AS k, sum(events), sum(quantity) FROM storm.rollup_account_days GROUP BY k"));
        Assert.Equal(expected, await TotalsAsync(sql, "SELECT concat(account_id, '|', event) AS k, sum(events), sum(quantity) FROM storm.rollup_user_days GROUP BY k"));
    }

    private static async Task<Dictionary<string, (long, double)>> TotalsAsync(HttpClient sql, string query) =>
        (await QueryAsync(sql, query)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .ToDictionary(f => f[0], f => (long.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));

    private static async Task<string> QueryAsync(HttpClient sql, string query)
    {
        using var body = new StringContent(query + " FORMAT TabSeparated");
        using var response = await sql.PostAsync(new Uri("", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return text;
    }
}
