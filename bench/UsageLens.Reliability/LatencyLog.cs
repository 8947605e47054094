using System.Collections.Concurrent;

namespace UsageLens.Reliability;

/// <summary>Latencies and errors of one kind of request, with nearest-rank percentiles.</summary>
internal sealed class LatencyLog(string kind)
{
    private readonly ConcurrentQueue<double> _milliseconds = new();
    private readonly ConcurrentQueue<string> _errors = new();

    public string Kind { get; } = kind;

    public int Count => _milliseconds.Count;

    public IReadOnlyCollection<string> Errors => _errors;

    public void Record(TimeSpan elapsed) => _milliseconds.Enqueue(elapsed.TotalMilliseconds);

    public void Fail(string error) => _errors.Enqueue(error);

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
