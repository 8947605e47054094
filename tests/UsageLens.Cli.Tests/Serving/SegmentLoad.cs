using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;

namespace UsageLens.Cli.Tests.Serving;

/// <summary>
/// Segment batches sent by several workers until stopped or until the server stops answering. Each event has
/// its own message id and quantity 1, so what was acknowledged is known here, independently of the server.
/// </summary>
internal sealed class SegmentLoad(Uri server, string writerKey, int workers = 4, int batchSize = 25)
{
    public const string Day = "2026-11-10";

    private readonly ConcurrentDictionary<string, byte> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(DateTimeOffset Sent, DateTimeOffset Answered, string[] Ids)> _batches = new();

    /// <summary>Message ids of the events in batches answered 200.</summary>
    public IReadOnlyCollection<string> Acknowledged => [.. _acknowledged.Keys];

    /// <summary>Every acknowledged batch, with when it was sent and answered.</summary>
    public IReadOnlyCollection<(DateTimeOffset Sent, DateTimeOffset Answered, string[] Ids)> AcknowledgedBatches => [.. _batches];

    public Task RunAsync(CancellationToken stop) => Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w, stop), CancellationToken.None)));

    private async Task WorkAsync(int worker, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", writerKey);
        for (var batch = 0; !stop.IsCancellationRequested; batch++)
        {
            var ids = Enumerable.Range(0, batchSize).Select(i => $"w{worker}-b{batch}-e{i}").ToArray();
            var sent = DateTimeOffset.UtcNow;
            try
            {
                // The request is not cancelled by stop: a request on the wire is answered, and then counted.
                using var response = await client.PostAsync(new Uri("/v1/batch", UriKind.Relative), Body(worker, ids), CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    ids.ToList().ForEach(id => _acknowledged.TryAdd(id, 0));
                    _batches.Enqueue((sent, DateTimeOffset.UtcNow, ids));
                }
            }
            catch (HttpRequestException)
            {
                // The server stopped listening: nothing more can be acknowledged.
                return;
            }
        }
    }

    private static StringContent Body(int worker, string[] ids)
    {
        var events = ids.Select(id =>
            $$$"""{"type":"track","messageId":"{{{id}}}","event":"api_call","userId":"u-{{{worker}}}","timestamp":"{{{Day}}}T10:00:00Z","context":{"groupId":"acct-{{{worker}}}"},"properties":{"quantity":1}}""");
        return new StringContent($$"""{"batch":[{{string.Join(',', events)}}]}""", Encoding.UTF8, "application/json");
    }
}
