namespace UsageLens.Scale;

/// <summary>
/// Waits until a process is idle (under 5% of one core for a second, from /proc/PID/stat), so a load run measures
/// ingestion rather than the dashboard warm-up a server starts with or the result refresh after the previous run.
/// </summary>
internal static class ServerQuiet
{
    public static async Task WaitAsync(int processId, TimeSpan limit, TextWriter progress)
    {
        var waited = TimeSpan.Zero;
        var before = CpuSplit.CpuSeconds($"/proc/{processId}/stat");
        while (waited < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
            var now = CpuSplit.CpuSeconds($"/proc/{processId}/stat");
            if (now - before < 0.05)
            {
                progress.WriteLine($"server idle after {waited.TotalSeconds:0} s");
                return;
            }
            before = now;
        }
        progress.WriteLine($"server still busy after {limit.TotalSeconds:0} s; measuring anyway");
    }
}
