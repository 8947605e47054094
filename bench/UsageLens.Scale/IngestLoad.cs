using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

using UsageLens.Reliability;

namespace UsageLens.Scale;

/// <summary>
/// The load generator, run as its own process (<c>UsageLens.Scale load ...</c>) so its CPU is not the server's:
/// <paramref name="senders"/> Segment clients post <c>/v1/batch</c> with <paramref name="batch"/> new events each,
/// as fast as answered or, with a <paramref name="rate"/> in events/s, paced to it. A batch counts when answered 2xx;
/// its acknowledgement time is from the send to the answer. Then one read with <paramref name="readKey"/> (which waits
/// until everything acknowledged is merged) times how long the workspace took to hold every acknowledged event.
/// </summary>
internal sealed class IngestLoad(Uri address, string writeKey, string readKey, int senders, int batch, double rate, TimeSpan duration, long accounts, string runId)
{
    public async Task<IngestFigures> RunAsync()
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        var log = new LatencyLog("ack");
        long events = 0;
        long failures = 0;
        var watch = Stopwatch.StartNew();
        // Paced: batch k of all senders is due at k / (rate / batch) seconds after the start.
        long next = -1;
        var interval = rate > 0 ? TimeSpan.FromSeconds(batch / rate) : TimeSpan.Zero;
        var loops = Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
        {
            for (var n = 0; watch.Elapsed < duration; n++)
            {
                if (rate > 0)
                {
                    var due = interval * Interlocked.Increment(ref next);
                    if (due > watch.Elapsed)
                    {
                        await Task.Delay(due - watch.Elapsed);
                    }
                }
                var body = Body(sender, n);
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync(new Uri("/v1/batch", UriKind.Relative), content);
                    if (response.IsSuccessStatusCode)
                    {
                        log.Record(Stopwatch.GetElapsedTime(sent));
                        Interlocked.Add(ref events, batch);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        await Task.WhenAll(loops);
        var seconds = watch.Elapsed.TotalSeconds;
        await ReadAsync(client);
        var stored = watch.Elapsed.TotalSeconds;
        return new IngestFigures(events / seconds, log.Percentile(50), log.Percentile(99), events, failures, events / stored, (stored - seconds) * 1000,
            System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
    }

    private async Task ReadAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/reports", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readKey);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private string Body(int sender, int n)
    {
        var text = new StringBuilder("{\"batch\":[", batch * 200);
        var at = SyntheticWorkload.AsOf.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 0; i < batch; i++)
        {
            var account = (sender * 7919 + n * 31 + i) % accounts;
            if (i > 0)
            {
                text.Append(',');
            }
            text.Append(CultureInfo.InvariantCulture, $"{{\"type\":\"track\",\"messageId\":\"{runId}-{sender}-{n}-{i}\",\"event\":\"api_call\",\"userId\":\"a{account}-u{i % 25}\",")
                .Append(CultureInfo.InvariantCulture, $"\"context\":{{\"groupId\":\"a{account}\"}},\"timestamp\":\"{at}T{i % 24:00}:{n % 60:00}:00Z\",\"properties\":{{\"quantity\":{1 + (i % 100)}}}}}");
        }
        return text.Append("]}").ToString();
    }
}
