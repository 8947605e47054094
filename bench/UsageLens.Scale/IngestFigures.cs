using System.Text.Json;

namespace UsageLens.Scale;

/// <summary>What a load run measured: acknowledged events per second and the acknowledgement time percentiles (ms).</summary>
internal sealed record IngestFigures(double EventsPerSecond, double P50, double P99, long Events, long Failures)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static IngestFigures FromJson(string json) => JsonSerializer.Deserialize<IngestFigures>(json) ?? throw new InvalidOperationException("no figures in: " + json);
}
