using System.Globalization;

namespace UsageLens.Scale;

/// <summary>
/// Where the machine's CPU went while a load ran: the server's threads grouped by what they do (from their names in
/// <c>/proc/PID/task</c>), the load generator as it reports itself, and what was left idle. The profile behind the
/// ingest figures: on two cores, what the merge can have is what request handling and the load generator leave it.
/// </summary>
internal sealed class CpuSplit
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux the bench runs on

    private readonly int _server;
    private readonly Snapshot _before;
    private readonly DateTime _startedAt = DateTime.UtcNow;

    private CpuSplit(int server)
    {
        _server = server;
        _before = Snapshot.Of(server);
    }

    public static CpuSplit Start(int server) => new(server);

    /// <summary>One line: each part's share of all the machine's cores over the time since <see cref="Start"/>.</summary>
    public string Describe(TimeSpan loadGeneratorCpu)
    {
        var after = Snapshot.Of(_server);
        var capacity = (DateTime.UtcNow - _startedAt).TotalSeconds * Environment.ProcessorCount;
        // Each thread alive at the end counts what it used since the start (all of it if it started since); the time of
        // threads that ended meanwhile is in the process's total only.
        var parts = after.Threads
            .GroupBy(t => t.Value.Part, t => t.Value.Seconds - (_before.Threads.TryGetValue(t.Key, out var then) ? then.Seconds : 0))
            .Select(g => (Part: g.Key, Seconds: g.Sum()))
            .ToList();
        var server = after.Total - _before.Total;
        parts.Add(("ended threads", server - parts.Sum(p => p.Seconds)));
        parts.Add(("load generator", loadGeneratorCpu.TotalSeconds));
        parts.Add(("idle", capacity - server - loadGeneratorCpu.TotalSeconds));
        return string.Join(", ", parts.Where(p => p.Seconds > 0.005 * capacity).OrderByDescending(p => p.Seconds)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Part} {100 * p.Seconds / capacity:0}%")));
    }

    // The process's CPU seconds, and each live thread's (by id) with the part it belongs to.
    private sealed record Snapshot(double Total, Dictionary<string, (string Part, double Seconds)> Threads)
    {
        public static Snapshot Of(int pid)
        {
            var threads = new Dictionary<string, (string, double)>(StringComparer.Ordinal);
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    threads[Path.GetFileName(task)] = (PartOf(File.ReadAllText(Path.Combine(task, "comm")).Trim()), CpuSeconds(Path.Combine(task, "stat")));
                }
                catch (IOException)
                {
                    // The thread ended while it was read; the process total still has its time.
                }
            }
            return new Snapshot(CpuSeconds($"/proc/{pid}/stat"), threads);
        }
    }

    // DuckDB's worker threads keep the name of the process; .NET names its own, cut to 15 characters by Linux.
    private static string PartOf(string name) => name switch
    {
        "dotnet" => "DuckDB workers",
        _ when name.StartsWith("UsageLens inges", StringComparison.Ordinal) => "merge thread",
        _ when name.Contains("GC", StringComparison.Ordinal) => "server GC",
        ".NET TP Worker" or ".NET Sockets" or ".NET TP Gate" or ".NET IO" => "request threads",
        _ => "server, other",
    };

    /// <summary>
    /// User and system CPU seconds of a process or thread from its <c>stat</c> file (<c>/proc/PID/stat</c>,
    /// <c>/proc/PID/task/TID/stat</c>): fields 14 and 15, counted after the command name, which is in parentheses and
    /// may hold spaces.
    /// </summary>
    public static double CpuSeconds(string statFile)
    {
        var stat = File.ReadAllText(statFile);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
