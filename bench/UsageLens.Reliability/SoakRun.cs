using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace UsageLens.Reliability;

/// <summary>
/// A mixed load against one Release <c>usagelens serve</c> over a demo workspace for a fixed time:
/// Segment ingestion, the dashboard's KPI requests and <c>/api/v1/ask</c> questions, each in its own
/// bounded loop with a pause, while the server's resident memory is sampled.
/// </summary>
internal sealed class SoakRun(TimeSpan duration, int seed, string? cliPath, TextWriter log)
{
    private static readonly string[] s_kpis =
    [
        "usage?metric=api_call&period=last-30-days",
        "top-customer-share?metric=api_call&period=last-30-days&top=20%25&rank-by=revenue",
        "usage?metric=accounts(api_call)&period=last-30-days",
        "usage?metric=users(login)&period=last-30-days",
        "usage?metric=api_call&period=last-90-days&grain=day",
    ];

    private static readonly string[] s_questions =
    [
        "How many API calls last month?",
        "What percentage of API calls came from our top 10% customers last month?",
        "API calls by segment last 30 days",
        "active accounts last 7 days",
    ];

    public async Task<SoakReport> RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("usagelens-soak-").FullName;
        try
        {
            var cli = UsageLensBinary.Locate(cliPath);
            var path = Path.Combine(directory, "soak.duckdb");
            await cli.RunAsync("demo", "--accounts", "40", "--days", "120", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--no-serve", "--db", path);
            var writer = (await cli.RunAsync("keys", "create", "--role", "writer", "--db", path)).Trim();
            var analyst = (await cli.RunAsync("keys", "create", "--role", "analyst", "--db", path)).Trim();
            var port = ServeProcess.FreePort();
            using var serve = await ServeProcess.StartAsync(cli, ["--db", path], port, TimeSpan.FromSeconds(60));
            return await LoadAsync(serve, new Uri($"http://127.0.0.1:{port}"), writer, analyst);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<SoakReport> LoadAsync(ServeProcess serve, Uri address, string writer, string analyst)
    {
        using var ingest = Client(address, new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writer + ":"))));
        using var reads = Client(address, new AuthenticationHeaderValue("Bearer", analyst));
        var logs = new[] { new LatencyLog("ingest"), new LatencyLog("kpi"), new LatencyLog("ask") };
        var warmUp = TimeSpan.FromSeconds(Math.Min(60, duration.TotalSeconds / 10));
        var startRss = serve.ResidentBytes();
        using var stop = new CancellationTokenSource(duration);
        var ledger = new BatchLedger(20);
        var loops = new List<Task>
        {
            LoopAsync(logs[0], TimeSpan.FromMilliseconds(50), i => ingest.PostAsync(new Uri("/v1/batch", UriKind.Relative), Json(Fresh(ledger, seed + i))), stop.Token),
            LoopAsync(logs[0], TimeSpan.FromMilliseconds(50), i => ingest.PostAsync(new Uri("/v1/batch", UriKind.Relative), Json(Fresh(ledger, seed - i))), stop.Token),
            LoopAsync(logs[1], TimeSpan.FromMilliseconds(20), i => reads.GetAsync(new Uri("/api/v1/kpi/" + s_kpis[i % s_kpis.Length], UriKind.Relative)), stop.Token),
            LoopAsync(logs[1], TimeSpan.FromMilliseconds(20), i => reads.GetAsync(new Uri("/api/v1/kpi/" + s_kpis[(i + 2) % s_kpis.Length], UriKind.Relative)), stop.Token),
            LoopAsync(logs[2], TimeSpan.FromMilliseconds(100), i => reads.PostAsync(new Uri("/api/v1/ask", UriKind.Relative),
                Json($"{{\"question\":\"{s_questions[i % s_questions.Length]}\"}}")), stop.Token),
        };
        var memory = SampleMemoryAsync(serve, warmUp, stop.Token);
        await Task.WhenAll(loops);
        var (afterWarmUp, peak) = await memory;
        var endRss = serve.ResidentBytes();
        await log.WriteLineAsync($"soak finished: {logs.Sum(l => l.Count)} requests");
        return new SoakReport(duration, logs, startRss, afterWarmUp, endRss, peak);
    }

    // Each message is new: the soak measures steady ingestion, not the dedupe path.
    private static string Fresh(BatchLedger ledger, int seed) => ledger.New(new Random(seed)).Body;

    private static async Task LoopAsync(LatencyLog log, TimeSpan pause, Func<int, Task<HttpResponseMessage>> send, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await send(i);
                if (response.IsSuccessStatusCode)
                {
                    log.Record(clock.Elapsed);
                }
                else
                {
                    log.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                }
            }
            catch (HttpRequestException ex)
            {
                log.Fail(ex.Message);
            }
            catch (TaskCanceledException ex) when (!stop.IsCancellationRequested)
            {
                log.Fail("timeout: " + ex.Message);
            }
            try
            {
                await Task.Delay(pause, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task<(long AfterWarmUp, long Peak)> SampleMemoryAsync(ServeProcess serve, TimeSpan warmUp, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        long afterWarmUp = 0, peak = 0;
        while (!stop.IsCancellationRequested)
        {
            var rss = serve.ResidentBytes();
            peak = Math.Max(peak, rss);
            if (afterWarmUp == 0 && clock.Elapsed >= warmUp)
            {
                afterWarmUp = rss;
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return (afterWarmUp == 0 ? serve.ResidentBytes() : afterWarmUp, peak);
    }

    private static HttpClient Client(Uri address, AuthenticationHeaderValue key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = key;
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
