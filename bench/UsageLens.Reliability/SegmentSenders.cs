using System.Net.Http.Headers;
using System.Text;

namespace UsageLens.Reliability;

/// <summary>
/// Concurrent Segment-style clients posting <c>/v1/batch</c> until stopped. A batch counts as
/// acknowledged only on a 2xx answer. As real SDKs do, an unanswered batch is retried (across server
/// restarts) until its attempts run out and it is given up, and a few acknowledged ones are replayed later.
/// </summary>
internal sealed class SegmentSenders(Uri address, string writeKey, BatchLedger ledger, int senders, int seed)
{
    private long _requests;
    private long _failures;
    private long _acknowledgements;

    public long Requests => Interlocked.Read(ref _requests);

    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Requests answered 2xx so far.</summary>
    public long Acknowledgements => Interlocked.Read(ref _acknowledgements);

    public Task RunAsync(CancellationToken stop)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(10),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        var loops = Enumerable.Range(0, senders).Select(i => Task.Run(() => SendAsync(client, new Random(seed + i), stop), CancellationToken.None));
        return Task.WhenAll(loops).ContinueWith(_ => client.Dispose(), TaskScheduler.Default);
    }

    private async Task SendAsync(HttpClient client, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var batch = random.NextDouble() < 0.5 && ledger.TryTakeResend(out var again) ? again : ledger.New(random);
            // Like an SDK's retry queue: the same batch again until answered or its attempts run out.
            var attempts = random.Next(1, 40);
            for (var attempt = 1; !stop.IsCancellationRequested; attempt++)
            {
                batch.Attempted();
                Interlocked.Increment(ref _requests);
                if (await PostAsync(client, batch, stop))
                {
                    batch.Acknowledge();
                    Interlocked.Increment(ref _acknowledgements);
                    if (random.NextDouble() < 0.05)
                    {
                        ledger.SendAgainLater(batch);
                    }
                    break;
                }
                Interlocked.Increment(ref _failures);
                if (attempt >= attempts)
                {
                    break;
                }
                await PauseAsync(stop);
            }
        }
    }

    private static async Task<bool> PostAsync(HttpClient client, SegmentBatch batch, CancellationToken stop)
    {
        try
        {
            using var content = new StringContent(batch.Body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/v1/batch", UriKind.Relative), content, stop);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            // A timeout or the end of the run: no answer, so not acknowledged.
            return false;
        }
    }

    private static async Task PauseAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(200, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
