using System.Text.Json;

namespace UsageLens.Scale;

/// <summary>
/// What a load run measured: acknowledged events per second, the acknowledgement time percentiles (ms), and the
/// events per second counting the time until a read saw all of them (with an ingest log, merging may lag acknowledging),
/// and the CPU the load generator itself used.
/// </summary>
internal sealed record IngestFigures(double EventsPerSecond, double P50, double P99, long Events, long Failures, double StoredPerSecond, double DrainMs, double CpuSeconds)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static IngestFigures FromJson(string json) => JsonSerializer.Deserialize<IngestFigures>(json) ?? throw new InvalidOperationException("no figures in: " + json);
}
