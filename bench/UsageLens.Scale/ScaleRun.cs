using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

using UsageLens.Reliability;

namespace UsageLens.Scale;

/// <summary>
/// One size, end to end: the files, DuckDB's own load of them (the import baseline and the raw-SQL baseline), the
/// same files imported by <c>usagelens import</c>, each dashboard KPI through a served API beside its raw SQL on
/// DuckDB and PostgreSQL, HTTP ingest into that full workspace and into an empty one, and the server's memory.
/// </summary>
internal sealed class ScaleRun(UsageLensBinary cli, string directory, long events, ScaleOptions options, TextWriter progress)
{
    public async Task<ScaleFigures> RunAsync()
    {
        var workload = Time("files", () => SyntheticWorkload.Prepare(Path.Combine(directory, $"data-{events}"), events));
        using var raw = Time("DuckDB's own load", () => RawDuckDb.Load(workload, Path.Combine(directory, $"raw-{events}.duckdb")));
        var workspace = Path.Combine(directory, $"usagelens-{events}", "usagelens.duckdb");
        var import = await ImportAsync(workload, workspace);
        progress.WriteLine($"import: ours {import.TotalSeconds:0.0} s, DuckDB read_parquet {raw.EventsLoad.TotalSeconds:0.0} s");

        using var postgres = options.Postgres ? await TimeAsync("PostgreSQL load", () => LoadPostgresAsync(raw, workload)) : null;
        var writer = (await cli.RunAsync("keys", "create", "--role", "writer", "--db", workspace)).Trim();
        var analyst = (await cli.RunAsync("keys", "create", "--role", "analyst", "--db", workspace)).Trim();
        var port = ServeProcess.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        List<KpiTiming> kpis;
        IngestFigures full, paced;
        long rss, peak;
        using (var serve = await ServeProcess.StartAsync(cli, ["--db", workspace], port, TimeSpan.FromMinutes(5)))
        {
            kpis = await TimeKpisAsync(address, analyst, raw, postgres);
            rss = serve.ResidentBytes();
            full = await LoadAsync(serve.Id, address, writer, analyst, workload.Accounts, rate: 0, "full");
            paced = await LoadAsync(serve.Id, address, writer, analyst, workload.Accounts, rate: full.StoredPerSecond * 0.7, "paced");
            peak = ProcessMemory.PeakResidentBytes(serve.Id);
        }
        var empty = await IngestIntoEmptyAsync(workload);
        return new ScaleFigures(events, import, raw.EventsLoad, kpis, empty, full, paced, rss, peak);
    }

    private Task<TimeSpan> ImportAsync(SyntheticWorkload workload, string workspace) => ImportAsync(workload, workload.EventsFile, workspace);

    private async Task<TimeSpan> ImportAsync(SyntheticWorkload workload, string events, string workspace, params string[] options)
    {
        EmptyFolderOf(workspace);
        await cli.RunAsync("import", "accounts", workload.AccountsFile, "--db", workspace);
        await cli.RunAsync("import", "subscriptions", workload.SubscriptionsFile, "--db", workspace);
        var watch = Stopwatch.StartNew();
        await cli.RunAsync(["import", "events", events, "--db", workspace, .. options]);
        return watch.Elapsed;
    }

    /// <summary>
    /// The import alone, <paramref name="runs"/> times: DuckDB's own <c>read_parquet</c> and <c>read_csv</c> into a table
    /// beside <c>usagelens import events</c> of the same Parquet and CSV files into a new workspace, taking turns, so
    /// each ratio compares runs on the same machine minutes apart. Returns the median of each.
    /// </summary>
    public async Task<ImportFigures> CompareImportsAsync(int runs)
    {
        var workload = Time("files", () => SyntheticWorkload.Prepare(Path.Combine(directory, $"data-{events}"), events));
        var csv = Path.Combine(workload.Directory, "events.csv");
        var rawPath = Path.Combine(directory, $"raw-{events}.duckdb");
        var workspace = Path.Combine(directory, $"import-{events}", "usagelens.duckdb");
        List<TimeSpan> parquet = [], csvLoads = [], ours = [], oursCsv = [];
        for (var run = 0; run < runs; run++)
        {
            using (var raw = RawDuckDb.Load(workload, rawPath))
            {
                parquet.Add(raw.EventsLoad);
                if (!File.Exists(csv))
                {
                    raw.ExportEventsCsv(csv);
                }
            }
            csvLoads.Add(RawDuckDb.TimeCsvLoad(csv, rawPath));
            ours.Add(await ImportAsync(workload, workspace));
            // The CSV written for PostgreSQL names the time column ts.
            oursCsv.Add(await ImportAsync(workload, csv, workspace, "--map", "ts=timestamp"));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: read_parquet {parquet[^1].TotalSeconds:0.0} s, ours {ours[^1].TotalSeconds:0.0} s; read_csv {csvLoads[^1].TotalSeconds:0.0} s, ours {oursCsv[^1].TotalSeconds:0.0} s"));
        }
        EmptyFolderOf(workspace);
        return new ImportFigures(events, Median(parquet), Median(ours), Median(csvLoads), Median(oursCsv));
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private async Task<RawPostgres> LoadPostgresAsync(RawDuckDb raw, SyntheticWorkload workload)
    {
        var csv = Path.Combine(workload.Directory, "events.csv");
        if (!File.Exists(csv))
        {
            raw.ExportEventsCsv(csv);
        }
        return await RawPostgres.StartAsync(directory, csv, workload);
    }

    // The page goal at 100M events: a slower request is named with the time it ended, to set beside the server's log
    // (USAGELENS_BENCH_SERVE_LOG).
    private static readonly TimeSpan s_slowRequest = TimeSpan.FromMilliseconds(500);

    private async Task<List<KpiTiming>> TimeKpisAsync(Uri address, string key, RawDuckDb? raw, RawPostgres? postgres)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        // serve warms the overview's insights at start; wait for that, so it does not run under the timings.
        foreach (var insight in new[] { "churn-risk", "anomalies", "upsell" })
        {
            (await client.GetAsync(new Uri($"/api/v1/insights/{insight}", UriKind.Relative))).EnsureSuccessStatusCode();
        }
        await TimeFloorAsync(client);
        var timings = new List<KpiTiming>();
        foreach (var kpi in KpiCase.Dashboard)
        {
            var ours = new LatencyLog(kpi.Name);
            var valueOnly = new LatencyLog(kpi.Name);
            // The whole answer includes the previous period, so only the request with the comparison does its work.
            (KpiCase Case, bool WholeAnswer)[] cases = kpi.AnswerSql is { } answer
                ? [(kpi, false), (kpi with { Name = $"{kpi.Name}, SQL for the whole answer", Sql = answer }, true)]
                : [(kpi, false)];
            var baselines = cases.Select(b => (b.Case, b.WholeAnswer, Raw: new LatencyLog(b.Case.Name), Postgres: new LatencyLog(b.Case.Name))).ToList();
            // Each run asks for a different as-of day, so it computes rather than reads the per-commit result cache.
            for (var run = 0; run < options.Runs; run++)
            {
                var asOf = SyntheticWorkload.AsOf.AddDays(-run);
                var day = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                // The raw SQL computes no comparison, so the API is also asked without it; the two take turns going
                // first, so neither always finds the other's pages in DuckDB's buffer cache.
                var asked = new[] { (Log: ours, Query: string.Empty), (Log: valueOnly, Query: "&previous=false") };
                foreach (var (log, query) in run % 2 == 0 ? asked : [asked[1], asked[0]])
                {
                    var elapsed = await AskAsync(client, $"/api/v1/kpi/{kpi.Request}{query}&as-of={day}");
                    log.Record(elapsed);
                    if (elapsed > s_slowRequest)
                    {
                        progress.WriteLine($"  slow: {kpi.Name}{query} as of {day} took {elapsed.TotalMilliseconds:0} ms, answered at {DateTime.UtcNow:HH:mm:ss.fff} UTC");
                    }
                }
                foreach (var baseline in baselines)
                {
                    if (raw is not null)
                    {
                        baseline.Raw.Record(raw.Time(baseline.Case, asOf));
                    }
                    if (postgres is not null && run < options.PostgresRuns)
                    {
                        baseline.Postgres.Record(await postgres.TimeAsync(baseline.Case, asOf));
                    }
                }
            }
            foreach (var baseline in baselines)
            {
                var timing = new KpiTiming(baseline.Case.Name, ours.Percentile(50), ours.Percentile(95), baseline.Raw.Percentile(50), baseline.Postgres.Percentile(50),
                    baseline.WholeAnswer ? double.NaN : valueOnly.Percentile(50));
                progress.WriteLine($"{timing.Kpi}: p50 {timing.P50:0} ms, p95 {timing.P95:0} ms, without the comparison {timing.ValueOnly}; raw DuckDB {timing.RawDuckDbP50:0} ms; PostgreSQL {timing.PostgresP50:0} ms");
                timings.Add(timing);
            }
        }
        return timings;
    }

    /// <summary>
    /// Serves a workspace already imported (<c>kpis --db PATH</c>) and times the KPIs through the API only, with the
    /// server's memory after them: a rerun of the query figures without the hour an import of 100M events takes. With
    /// <paramref name="rawDatabase"/> (the <c>raw-N.duckdb</c> a run left), the raw SQL is timed beside them.
    /// </summary>
    public async Task<(List<KpiTiming> Kpis, long Rss, long Peak)> ServeExistingAsync(string workspace, string? rawDatabase)
    {
        using var raw = rawDatabase is null ? null : RawDuckDb.Open(rawDatabase);
        var analyst = (await cli.RunAsync("keys", "create", "--role", "analyst", "--db", workspace)).Trim();
        var port = ServeProcess.FreePort();
        using var serve = await ServeProcess.StartAsync(cli, ["--db", workspace], port, TimeSpan.FromMinutes(5));
        var kpis = await TimeKpisAsync(new Uri($"http://127.0.0.1:{port}"), analyst, raw, postgres: null);
        return (kpis, serve.ResidentBytes(), ProcessMemory.PeakResidentBytes(serve.Id));
    }

    /// <summary>
    /// HTTP ingest into a copy of an existing workspace with the ingest log (as served by default), and into a fresh
    /// copy without it unless only the log is asked for (acknowledged after the commit, as before the log), one after the other in the same run: full
    /// speed, then 70% of it. Each mode starts from the same workspace, since the load's events all fall on one day,
    /// whose stored ids the dedupe reads.
    /// </summary>
    public async Task<List<(string Mode, IngestFigures Full, IngestFigures Paced)>> IngestExistingAsync(string workspace, long accounts, bool withoutLogToo)
    {
        var figures = new List<(string, IngestFigures, IngestFigures)>();
        var copy = Path.Combine(directory, "ingest-copy", "usagelens.duckdb");
        var modes = new[] { ("ingest log", Array.Empty<string>()), ("commit before ack", ["--ingest-log", "off"]) };
        foreach (var (mode, arguments) in modes.Take(withoutLogToo ? 2 : 1))
        {
            EmptyFolderOf(copy);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(workspace, copy);
            var writer = (await cli.RunAsync("keys", "create", "--role", "writer", "--db", copy)).Trim();
            var analyst = (await cli.RunAsync("keys", "create", "--role", "analyst", "--db", copy)).Trim();
            var port = ServeProcess.FreePort();
            var address = new Uri($"http://127.0.0.1:{port}");
            using var serve = await ServeProcess.StartAsync(cli, ["--db", copy, .. arguments], port, TimeSpan.FromMinutes(5));
            var full = await LoadAsync(serve.Id, address, writer, analyst, accounts, rate: 0, $"{mode} full");
            var paced = await LoadAsync(serve.Id, address, writer, analyst, accounts, rate: full.StoredPerSecond * 0.7, $"{mode} paced");
            figures.Add((mode, full, paced));
        }
        EmptyFolderOf(copy);
        return figures;
    }

    private async Task<IngestFigures> IngestIntoEmptyAsync(SyntheticWorkload workload)
    {
        var workspace = Path.Combine(directory, $"empty-{events}", "usagelens.duckdb");
        EmptyFolderOf(workspace);
        await cli.RunAsync("import", "accounts", workload.AccountsFile, "--db", workspace);
        var writer = (await cli.RunAsync("keys", "create", "--role", "writer", "--db", workspace)).Trim();
        var analyst = (await cli.RunAsync("keys", "create", "--role", "analyst", "--db", workspace)).Trim();
        var port = ServeProcess.FreePort();
        using var serve = await ServeProcess.StartAsync(cli, ["--db", workspace], port, TimeSpan.FromMinutes(5));
        return await LoadAsync(serve.Id, new Uri($"http://127.0.0.1:{port}"), writer, analyst, workload.Accounts, rate: 0, "empty");
    }

    // The load generator is this tool again, in its own process, so its CPU shows as its own.
    private async Task<IngestFigures> LoadAsync(int server, Uri address, string key, string readKey, long accounts, double rate, string label)
    {
        await ServerQuiet.WaitAsync(server, TimeSpan.FromMinutes(5), progress);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var run = $"{label}-{events}-{Environment.TickCount64}".Replace(' ', '-');
        foreach (var argument in new[] { typeof(ScaleRun).Assembly.Location, "load", "--url", address.ToString(), "--key", key, "--read-key", readKey, "--senders", options.Senders.ToString(CultureInfo.InvariantCulture),
            "--batch", options.Batch.ToString(CultureInfo.InvariantCulture), "--rate", rate.ToString("0", CultureInfo.InvariantCulture), "--seconds", options.IngestSeconds.ToString(CultureInfo.InvariantCulture),
            "--accounts", accounts.ToString(CultureInfo.InvariantCulture), "--run", run })
        {
            start.ArgumentList.Add(argument);
        }
        var cpu = CpuSplit.Start(server);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the load generator did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the load generator exited {process.ExitCode}: {error}");
        }
        var figures = IngestFigures.FromJson(output.Trim().Split('\n')[^1]);
        progress.WriteLine($"ingest ({label}): {figures.EventsPerSecond:0} events/s acknowledged, {figures.StoredPerSecond:0} events/s stored (merged {figures.DrainMs:0} ms after the last ack), ack p50 {figures.P50:0} ms, p99 {figures.P99:0} ms, {figures.Failures} refused");
        progress.WriteLine($"ingest ({label}) CPU of {Environment.ProcessorCount} cores: {cpu.Describe(TimeSpan.FromSeconds(figures.CpuSeconds))}");
        return figures;
    }

    // What every answer pays whatever its SQL (HTTP, authentication, routing, the cache lookup, JSON): the same
    // request again, answered from the per-commit result cache. A KPI whose raw SQL takes under ten times this cannot be
    // ten times faster through the API. The as-of day is one the timed runs do not ask for.
    private async Task TimeFloorAsync(HttpClient client)
    {
        var floor = new LatencyLog("cached answer");
        var day = SyntheticWorkload.AsOf.AddDays(-options.Runs).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var run = 0; run <= 20; run++)
        {
            var elapsed = await AskAsync(client, $"/api/v1/kpi/{KpiCase.Dashboard[^1].Request}&as-of={day}");
            if (run > 0)
            {
                floor.Record(elapsed);
            }
        }
        progress.WriteLine($"API floor, a cached answer ({KpiCase.Dashboard[^1].Name}): p50 {floor.Percentile(50):0.0} ms, p95 {floor.Percentile(95):0.0} ms");
    }

    // One request, read to its end.
    private static async Task<TimeSpan> AskAsync(HttpClient client, string request)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(request, UriKind.Relative));
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return watch.Elapsed;
    }

    private static void EmptyFolderOf(string workspace)
    {
        var folder = Path.GetDirectoryName(workspace)!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
    }

    private T Time<T>(string what, Func<T> step)
    {
        var watch = Stopwatch.StartNew();
        var result = step();
        progress.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    private async Task<T> TimeAsync<T>(string what, Func<Task<T>> step)
    {
        var watch = Stopwatch.StartNew();
        var result = await step();
        progress.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:0.0} s");
        return result;
    }
}
