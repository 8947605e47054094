using System.Globalization;

namespace UsageLens.Scale;

/// <summary>
/// Waits until a process is idle (under 5% of one core for a second, from /proc/PID/stat), so a load run measures
/// ingestion rather than the dashboard warm-up a server starts with or the result refresh after the previous run.
/// </summary>
internal static class ServerQuiet
{
    private const double TicksPerSecond = 100;

    public static async Task WaitAsync(int processId, TimeSpan limit, TextWriter progress)
    {
        var waited = TimeSpan.Zero;
        var before = CpuTicks(processId);
        while (waited < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
            var now = CpuTicks(processId);
            if ((now - before) / TicksPerSecond < 0.05)
            {
                progress.WriteLine($"server idle after {waited.TotalSeconds:0} s");
                return;
            }
            before = now;
        }
        progress.WriteLine($"server still busy after {limit.TotalSeconds:0} s; measuring anyway");
    }

    // Fields 14 and 15 of /proc/PID/stat (user and system time in clock ticks), counted after the command name,
    // which is in parentheses and may hold spaces.
    private static long CpuTicks(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
