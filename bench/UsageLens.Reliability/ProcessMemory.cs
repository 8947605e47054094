using System.Globalization;

namespace UsageLens.Reliability;

/// <summary>A process's resident set size, now and at its peak, as the kernel reports it.</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes(int processId) => Read(processId, "VmRSS:");

    /// <summary>The most the process has held resident since it started.</summary>
    public static long PeakResidentBytes(int processId) => Read(processId, "VmHWM:");

    private static long Read(int processId, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kilobytes = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"/proc/{processId}/status has no {field} line");
    }
}
