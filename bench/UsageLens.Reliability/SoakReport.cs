using System.Globalization;
using System.Text;

namespace UsageLens.Reliability;

/// <summary>What a soak run measured: latencies and errors per kind of request, and the server's memory.</summary>
internal sealed record SoakReport(TimeSpan Duration, IReadOnlyList<LatencyLog> Logs, long StartRss, long AfterWarmUpRss, long EndRss, long PeakRss)
{
    /// <summary>Memory growth after warm-up, as a fraction of the warm-up figure.</summary>
    public double Growth => (double)(EndRss - AfterWarmUpRss) / AfterWarmUpRss;

    public int Errors => Logs.Sum(l => l.Errors.Count);

    public bool Passed => Errors == 0 && Growth <= 0.10;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"soak {Duration.TotalMinutes:0.#} min");
        text.AppendLine("kind     requests  errors   p50 ms   p95 ms   p99 ms");
        foreach (var log in Logs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{log.Kind,-8} {log.Count,8} {log.Errors.Count,7} {log.Percentile(50),8:0.0} {log.Percentile(95),8:0.0} {log.Percentile(99),8:0.0}");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"RSS: start {Mb(StartRss)} MB, after warm-up {Mb(AfterWarmUpRss)} MB, end {Mb(EndRss)} MB, peak {Mb(PeakRss)} MB; growth after warm-up {Growth:+0.0%;-0.0%}");
        foreach (var error in Logs.SelectMany(l => l.Errors.Take(5).Select(e => $"{l.Kind}: {e}")))
        {
            text.AppendLine(error);
        }
        text.Append(Passed ? "PASSED" : "FAILED");
        return text.ToString();
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);
}
