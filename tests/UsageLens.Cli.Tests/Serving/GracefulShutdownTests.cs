using System.Net;
using System.Text.Json;
using System.Diagnostics;
using Xunit.Abstractions;

namespace UsageLens.Cli.Tests.Serving;

/// <summary>
/// The real <c>usagelens serve</c> under a Segment load gets SIGTERM: it stops taking requests, commits every
/// request it acknowledged, and exits 0; restarted, it serves exactly the acknowledged events.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "usagelens-shutdown-tests", Guid.NewGuid().ToString("N"));


    [Fact]
    public async Task Sigterm_under_load_exits_0_with_every_acknowledged_event_stored_once_and_nothing_else()
    {
        Directory.CreateDirectory(_directory);
        var workspace = Path.Combine(_directory, "w.duckdb");
        var writer = await WorkspaceFile.CreateKeyAsync(_directory, workspace, "writer");
        var admin = await WorkspaceFile.CreateKeyAsync(_directory, workspace, "admin");

        SegmentLoad load;
        (int Exit, string Output) stopped;
        await using (var serve = await ServeProcess.StartAsync(_directory, workspace, "--log-format", "json"))
        {
            load = new SegmentLoad(serve.Address, writer);
            using var stop = new CancellationTokenSource();
            var sending = load.RunAsync(stop.Token);
            await WorkspaceFile.WaitUntilAsync(() => load.Acknowledged.Count >= 2_000, TimeSpan.FromMinutes(2));
            // SIGTERM lands while every worker has a batch on the wire or about to be sent.
            var signalled = Stopwatch.StartNew();
            stopped = await serve.TerminateAsync(TimeSpan.FromSeconds(45));
            output.WriteLine($"SIGTERM to exit: {signalled.ElapsedMilliseconds} ms, with {load.Acknowledged.Count} events acknowledged");
            await stop.CancelAsync();
            await sending;
        }

        Assert.True(stopped.Exit == 0, $"serve exited {stopped.Exit}: {stopped.Output}");
        var stored = WorkspaceFile.EventIds(workspace);
        Assert.Equal(stored.Count, stored.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(load.Acknowledged.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        AssertRequestLogIsJsonWithoutKeys(stopped.Output, writer, admin);

        // Restarted, the server is ready and its usage KPI counts the acknowledged events (quantity 1 each).
        await using var restarted = await ServeProcess.StartAsync(_directory, workspace, "--log-format", "json");
        using var client = new HttpClient { BaseAddress = restarted.Address };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        var kpi = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/kpi/usage?metric=api_call&from={SegmentLoad.Day}&to=2026-11-11", UriKind.Relative))).RootElement;
        Assert.Equal(load.Acknowledged.Count, kpi.GetProperty("value").GetDouble());
        Assert.Equal(0, (await restarted.TerminateAsync(TimeSpan.FromSeconds(45))).Exit);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static void AssertRequestLogIsJsonWithoutKeys(string output, params string[] keys)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith('{')).ToList();
        var requests = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("Category").GetString() == "UsageLens.Server.Operations.RequestLogging")
            .Select(e => e.GetProperty("State"))
            .ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, state =>
        {
            Assert.False(string.IsNullOrEmpty(state.GetProperty("RequestId").GetString()));
            Assert.Equal("/v1/batch", state.GetProperty("Route").GetString());
            Assert.Equal(200, state.GetProperty("Status").GetInt32());
            Assert.True(state.GetProperty("DurationMs").GetDouble() >= 0);
        });
        Assert.All(keys, key => Assert.DoesNotContain(key, output, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Application is shutting down", StringComparison.Ordinal));
    }
}
