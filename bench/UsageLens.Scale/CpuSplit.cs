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
    private readonly Dictionary<string, double> _before;
    private readonly DateTime _startedAt = DateTime.UtcNow;

    private CpuSplit(int server)
    {
        _server = server;
        _before = Seconds(server);
    }

    public static CpuSplit Start(int server) => new(server);

    /// <summary>One line: each part's share of all the machine's cores over the time since <see cref="Start"/>.</summary>
    public string Describe(TimeSpan loadGeneratorCpu)
    {
        var after = Seconds(_server);
        var capacity = (DateTime.UtcNow - _startedAt).TotalSeconds * Environment.ProcessorCount;
        var parts = after.Keys
            .Select(part => (Part: part, Seconds: after[part] - _before.GetValueOrDefault(part)))
            .Where(p => p.Part != Total)
            .ToList();
        // Threads that ended during the load are counted in the process total only.
        var ended = after[Total] - _before[Total] - parts.Sum(p => p.Seconds);
        parts.Add(("ended threads", ended));
        parts.Add(("load generator", loadGeneratorCpu.TotalSeconds));
        parts.Add(("idle", capacity - after[Total] + _before[Total] - loadGeneratorCpu.TotalSeconds));
        return string.Join(", ", parts.Where(p => p.Seconds > 0.005 * capacity).OrderByDescending(p => p.Seconds)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Part} {100 * p.Seconds / capacity:0}%")));
    }

    private const string Total = "server, all threads";

    private static Dictionary<string, double> Seconds(int pid)
    {
        var seconds = new Dictionary<string, double> { [Total] = Ticks(File.ReadAllText($"/proc/{pid}/stat")) / TicksPerSecond };
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                var part = PartOf(File.ReadAllText(Path.Combine(task, "comm")).Trim());
                seconds[part] = seconds.GetValueOrDefault(part) + Ticks(File.ReadAllText(Path.Combine(task, "stat"))) / TicksPerSecond;
            }
            catch (IOException)
            {
                // The thread ended while it was read; the process total still has its time.
            }
        }
        return seconds;
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

    // utime + stime, the 14th and 15th fields, counted after the command name in parentheses (which may hold spaces).
    private static long Ticks(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
