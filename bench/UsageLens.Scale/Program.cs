using System.Globalization;
using UsageLens.Reliability;
using UsageLens.Scale;

// UsageLens.Scale run [--events 10000000,100000000] [--dir DIR] [--cli PATH] [--runs 20] [--postgres on|off] [--pg-runs 5]
//                     [--senders 8] [--batch 500] [--ingest-seconds 20]
// UsageLens.Scale kpis --db WORKSPACE.duckdb [--raw RAW.duckdb] [--runs 10] [--cli PATH]   (an imported workspace: API timings, memory, raw SQL beside them)
// UsageLens.Scale ingest --db WORKSPACE.duckdb [--accounts 500] [--senders 8] [--batch 500] [--ingest-seconds 20] [--cli PATH] [--modes both|log]
//                        (HTTP ingest into an existing workspace, with the ingest log and, unless --modes log, without it, in one run)
// UsageLens.Scale import [--events 5000000] [--dir DIR] [--cli PATH] [--runs 3]
//                        (the import alone: DuckDB's read_parquet and read_csv into a table beside usagelens import of the same files)
// UsageLens.Scale load --url URL --key KEY --read-key KEY [--senders 8] [--batch 500] [--rate EVENTS_PER_S] [--seconds 20] --accounts N --run ID
var options = Arguments.Parse(args);
switch (args.Length > 0 ? args[0] : "")
{
    case "run":
    {
        var cli = UsageLensBinary.Locate(options.Text("cli"));
        var directory = Path.GetFullPath(options.Text("dir") ?? Path.Combine(Path.GetTempPath(), "usagelens-scale"));
        var scale = new ScaleOptions(options.Int("runs", 20), options.Text("postgres") != "off" && RawPostgres.Installed, options.Int("pg-runs", 5),
            options.Int("senders", 8), options.Int("batch", 500), options.Int("ingest-seconds", 20));
        var sizes = (options.Text("events") ?? "10000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture));
        var tables = new List<string>();
        foreach (var events in sizes)
        {
            Console.WriteLine($"== {events:N0} events under {directory}");
            var figures = await new ScaleRun(cli, directory, events, scale, Console.Out).RunAsync();
            tables.Add(ScaleReport.Markdown(figures, SyntheticWorkload.Prepare(Path.Combine(directory, $"data-{events}"), events).Accounts));
        }
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB; {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine();
        Console.WriteLine(string.Join('\n', tables));
        return 0;
    }
    case "kpis":
    {
        var cli = UsageLensBinary.Locate(options.Text("cli"));
        var workspace = Path.GetFullPath(options.Text("db") ?? throw new ArgumentException("--db is required"));
        var scale = new ScaleOptions(options.Int("runs", 10), Postgres: false, 0, 0, 0, 0);
        var (kpis, rss, peak) = await new ScaleRun(cli, Path.GetDirectoryName(workspace)!, 0, scale, Console.Out).ServeExistingAsync(workspace, options.Text("raw") is { } raw ? Path.GetFullPath(raw) : null);
        Console.WriteLine($"serving memory: {rss / (1024.0 * 1024 * 1024):0.00} GiB after the KPIs, peak {peak / (1024.0 * 1024 * 1024):0.00} GiB");
        Console.WriteLine(string.Join('\n', kpis.Select(k => $"| {k.Kpi} | {k.P50:0} ms | {k.P95:0} ms |" + (k.RawDuckDbP50 > 0 ? $" {k.RawDuckDbP50:0} ms | {k.VersusRaw:0.0}× | {k.ValueOnly} |" : $" {k.ValueOnlyP50:0} ms |"))));
        return 0;
    }
    case "ingest":
    {
        var cli = UsageLensBinary.Locate(options.Text("cli"));
        var workspace = Path.GetFullPath(options.Text("db") ?? throw new ArgumentException("--db is required"));
        var scale = new ScaleOptions(0, Postgres: false, 0, options.Int("senders", 8), options.Int("batch", 500), options.Int("ingest-seconds", 20));
        var modes = await new ScaleRun(cli, Path.GetDirectoryName(workspace)!, 0, scale, Console.Out)
            .IngestExistingAsync(workspace, long.Parse(options.Text("accounts") ?? "500", CultureInfo.InvariantCulture), options.Text("modes") != "log");
        Console.WriteLine("| acknowledged after | stored events/s | acknowledged events/s | ack p50 / p99 (full speed) | at 70%: events/s, ack p50 / p99 |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (mode, full, paced) in modes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {mode} | {full.StoredPerSecond:N0} | {full.EventsPerSecond:N0} | {full.P50:0} / {full.P99:0} ms | {paced.StoredPerSecond:N0}, {paced.P50:0} / {paced.P99:0} ms |"));
        }
        if (modes.Count == 2)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored events/s with the log ÷ without: {modes[0].Full.StoredPerSecond / modes[1].Full.StoredPerSecond:0.00}×"));
        }
        return 0;
    }
    case "import":
    {
        var cli = UsageLensBinary.Locate(options.Text("cli"));
        var directory = Path.GetFullPath(options.Text("dir") ?? Path.Combine(Path.GetTempPath(), "usagelens-scale"));
        var events = long.Parse(options.Text("events") ?? "5000000", CultureInfo.InvariantCulture);
        var figures = await new ScaleRun(cli, directory, events, new ScaleOptions(0, false, 0, 0, 0, 0), Console.Out).CompareImportsAsync(options.Int("runs", 3));
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd}; medians of {options.Int("runs", 3)} runs");
        Console.WriteLine(figures.Markdown());
        return 0;
    }
    case "load":
    {
        var figures = await new IngestLoad(new Uri(options.Text("url") ?? throw new ArgumentException("--url is required")), options.Text("key") ?? throw new ArgumentException("--key is required"),
            options.Text("read-key") ?? throw new ArgumentException("--read-key is required"), options.Int("senders", 8), options.Int("batch", 500), options.Double("rate", 0), TimeSpan.FromSeconds(options.Int("seconds", 20)),
            long.Parse(options.Text("accounts") ?? "500", CultureInfo.InvariantCulture), options.Text("run") ?? Guid.NewGuid().ToString("N")).RunAsync();
        Console.WriteLine(figures.ToJson());
        return 0;
    }
    default:
        Console.Error.WriteLine("usage: UsageLens.Scale run [--events N[,N]] [--dir DIR] [--cli PATH] [--runs R] [--postgres on|off] | load --url URL --key KEY --read-key KEY ...");
        return 2;
}
