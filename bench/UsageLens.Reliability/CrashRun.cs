using System.Diagnostics;
namespace UsageLens.Reliability;

/// <summary>
/// Runs the real <c>usagelens serve</c> under a Segment load and kills it with SIGKILL at random
/// moments, restarting it each time, until the kills are done or the time is up; then holds the
/// store against the senders' ledger.
/// </summary>
internal sealed class CrashRun(CrashOptions options, TextWriter log)
{
    public async Task<(CrashVerdict Verdict, int Kills, TimeSpan Elapsed)> RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("usagelens-crash-").FullName;
        try
        {
            using var workspace = await RunWorkspace.StartAsync(options.Engine, directory, "crash");
            return await KillRepeatedlyAsync(UsageLensBinary.Locate(options.Cli), workspace.Arguments, workspace.Census);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<(CrashVerdict, int, TimeSpan)> KillRepeatedlyAsync(UsageLensBinary cli, IReadOnlyList<string> workspace, IStoreCensus census)
    {
        var key = (await cli.RunAsync(["keys", "create", "--role", "writer", .. workspace])).Trim();
        var port = ServeProcess.FreePort();
        var ledger = new BatchLedger(options.MaxMessages);
        var senders = new SegmentSenders(new Uri($"http://127.0.0.1:{port}"), key, ledger, options.Senders, options.Seed);
        var random = new Random(options.Seed);
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var load = senders.RunAsync(stop.Token);
        var kills = 0;
        while (kills < options.Kills && clock.Elapsed < options.TimeLimit)
        {
            using var serve = ServeProcess.Launch(cli, workspace, port);
            await KillMomentAsync(serve, senders, random);
            serve.Kill();
            kills++;
            if (kills % 25 == 0)
            {
                await log.WriteLineAsync($"{kills} kills in {clock.Elapsed.TotalSeconds:0} s; {senders.Requests} requests, {senders.Acknowledgements} acknowledged");
            }
        }
        await stop.CancelAsync();
        await load;
        await RecoverAsync(cli, workspace, port);
        var elapsed = clock.Elapsed;
        await log.WriteLineAsync($"{kills} kills in {elapsed.TotalSeconds:0} s; {senders.Requests} requests, {senders.Acknowledgements} acknowledged");
        var stored = await census.MessageCountsAsync();
        var verdict = CrashVerdict.Judge(ledger.Batches, stored, await RollupComparison.DisagreementsAsync(census));
        return (verdict, kills, elapsed);
    }

    // The store is judged as a restarted server finds it: what the last kill left in the ingest log (acknowledged,
    // not merged yet) is merged before the server says it is serving.
    private static async Task RecoverAsync(UsageLensBinary cli, IReadOnlyList<string> workspace, int port)
    {
        using var serve = ServeProcess.Launch(cli, workspace, port);
        await serve.ServingAsync(TimeSpan.FromSeconds(120));
        serve.Kill();
    }

    // One kill in five lands while the server starts (opening the workspace, replaying its log); the
    // others at a random moment after it has begun acknowledging again, so they hit commits in flight.
    private async Task KillMomentAsync(ServeProcess serve, SegmentSenders senders, Random random)
    {
        if (random.NextDouble() < 0.2)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * 3000));
            return;
        }
        await serve.ServingAsync(TimeSpan.FromSeconds(120));
        var before = senders.Acknowledgements;
        for (var waited = 0; senders.Acknowledgements == before && waited < 60_000; waited += 20)
        {
            await Task.Delay(20);
        }
        await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * options.MaxUptime.TotalMilliseconds));
    }
}
