using System.Globalization;
using System.Net;
using UsageLens.Server.Tests.Support;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Server.Tests.Ingestion;

/// <summary>
/// Replay storms: the same messages resent concurrently, resent after the client gave up waiting, and
/// resent out of order in overlapping batches. Each message is stored once, and both rollups and the
/// raw events hold exactly the totals summed from the messages by the test.
/// </summary>
public sealed class ReplayStormTests
{
    [Fact]
    public async Task The_same_batches_sent_at_once_by_eight_clients_are_stored_once_each()
    {
        var messages = new ReplayedMessages(300, seed: 1);
        var batches = messages.Batches(10);
        await using var server = await RunningServer.StartAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async client =>
        {
            var http = server.Writer();
            var statuses = new List<HttpStatusCode>();
            var order = new Random(client);
            foreach (var batch in batches.OrderBy(_ => order.Next()))
            {
                using var response = await http.PostAsync("/v1/batch", Json.Body(batch));
                statuses.Add(response.StatusCode);
            }
            return statuses;
        }));

        Assert.All(answers.SelectMany(a => a), status => Assert.Equal(HttpStatusCode.OK, status));
        AssertStoredOnce(server, messages);
    }

    [Fact]
    public async Task Batches_resent_after_the_client_gave_up_waiting_are_stored_once_each()
    {
        var messages = new ReplayedMessages(200, seed: 2);
        // A long group-commit delay keeps requests queued, so most give-ups happen after the write was queued.
        await using var server = await RunningServer.StartAsync(new ServerOptions { GroupCommitMaxDelay = TimeSpan.FromMilliseconds(40) });
        var http = server.Writer();
        var gaveUp = 0;

        await Task.WhenAll(messages.Batches(5).Select(async (batch, i) =>
        {
            using (var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(i % 30)))
            {
                try
                {
                    using var first = await http.PostAsync("/v1/batch", Json.Body(batch), impatient.Token);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref gaveUp);
                }
            }
            using var retry = await http.PostAsync("/v1/batch", Json.Body(batch));
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }));

        Assert.True(gaveUp > 0, "no request was given up, so no retry followed a timeout");
        AssertStoredOnce(server, messages);
    }

    [Fact]
    public async Task Overlapping_batches_and_single_calls_sent_out_of_order_store_each_message_once()
    {
        var messages = new ReplayedMessages(120, seed: 3);
        await using var server = await RunningServer.StartAsync();
        var http = server.Writer();
        // Windows of 12 messages starting every 4, newest first and each reversed, so every message
        // arrives in three batches and in a different order each time; then every message alone.
        var windows = Enumerable.Range(0, 30).Reverse()
            .Select(start => messages.Batch(Enumerable.Range(start * 4, 12).Where(i => i < messages.Count).Reverse()));
        var singles = Enumerable.Range(0, messages.Count).Reverse().Select(messages.Message);

        var batchAnswers = await Task.WhenAll(windows.Select(async body => (await http.PostAsync("/v1/batch", Json.Body(body))).StatusCode));
        var singleAnswers = await Task.WhenAll(singles.Select(async body => (await http.PostAsync("/v1/track", Json.Body(body))).StatusCode));

        Assert.All(batchAnswers.Concat(singleAnswers), status => Assert.Equal(HttpStatusCode.OK, status));
        AssertStoredOnce(server, messages);
    }

    private static void AssertStoredOnce(RunningServer server, ReplayedMessages messages)
    {
        Assert.Equal(messages.Count, server.Count("SELECT count(*) FROM events"));
        Assert.Equal(messages.Count, server.Count("SELECT count(DISTINCT id) FROM events"));
        var expected = messages.Totals();
        Assert.Equal(expected, Totals(server, "SELECT account_id || '|' || event, count(*), sum(quantity) FROM events GROUP BY 1"));
        Assert.Equal(expected, Totals(server, "SELECT account_id || '|' || event, CAST(sum(events) AS BIGINT), sum(quantity) FROM rollup_account_days GROUP BY 1"));
        Assert.Equal(expected, Totals(server, "SELECT account_id || '|' || event, CAST(sum(events) AS BIGINT), sum(quantity) FROM rollup_user_days GROUP BY 1"));
    }

    private static Dictionary<string, (long, double)> Totals(RunningServer server, string sql)
    {
        using var connection = server.Workspace.OpenConnection();
        return DuckDbCommands.Rows(connection, sql).ToDictionary(
            r => (string)r[0]!,
            r => (Convert.ToInt64(r[1], CultureInfo.InvariantCulture), Convert.ToDouble(r[2], CultureInfo.InvariantCulture)));
    }
}
