using System.Globalization;
using System.Text;

namespace UsageLens.Scale;

/// <summary>The Markdown tables of a run, in the shape BENCHMARKS.md keeps.</summary>
internal static class ScaleReport
{
    public static string Markdown(ScaleFigures f, long accounts)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"### {f.Events:N0} events ({accounts:N0} accounts)"));
        text.AppendLine();
        text.AppendLine("| Figure | UsageLens | Baseline (same run) | Ratio | Goal |");
        text.AppendLine("|---|---:|---:|---:|---|");
        text.AppendLine(Invariant($"| Import events.parquet | {f.Import.TotalSeconds:0.0} s | DuckDB `read_parquet` into a table: {f.RawImport.TotalSeconds:0.0} s | {f.ImportRatio:0.00}× | ≥ 0.8× |"));
        text.AppendLine(Invariant($"| HTTP ingest, empty workspace | {f.IngestEmpty.StoredPerSecond:N0} events/s stored, {f.IngestEmpty.EventsPerSecond:N0} acknowledged (ack p99 {f.IngestEmpty.P99:0} ms) | | | ≥ 150,000 events/s |"));
        text.AppendLine(Invariant($"| HTTP ingest, this workspace | {f.IngestFull.StoredPerSecond:N0} events/s stored, {f.IngestFull.EventsPerSecond:N0} acknowledged (ack p99 {f.IngestFull.P99:0} ms) | empty: {f.IngestEmpty.StoredPerSecond:N0} events/s stored | {f.IngestFull.StoredPerSecond / f.IngestEmpty.StoredPerSecond:0.00}× | ≥ 0.9× |"));
        text.AppendLine(Invariant($"| Ack at 70% of that load | p50 {f.IngestPaced.P50:0} ms, p99 {f.IngestPaced.P99:0} ms ({f.IngestPaced.EventsPerSecond:N0} events/s) | | | p99 ≤ 50 ms |"));
        text.AppendLine(Invariant($"| Serving memory | {Gib(f.ServeRssBytes)} after the KPIs, peak {Gib(f.ServePeakRssBytes)} | | | < 1.5 GiB |"));
        text.AppendLine();
        text.AppendLine("| KPI (API, as the dashboard asks) | p50 | p95 | Raw SQL, DuckDB p50 | × faster | without the comparison: p50, × faster | PostgreSQL 15 p50 | × faster |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var k in f.Kpis)
        {
            var postgres = double.IsNaN(k.PostgresP50) ? "| not run | " : Invariant($"| {k.PostgresP50:N0} ms | {k.VersusPostgres:0.0}× ");
            text.AppendLine(Invariant($"| {k.Kpi} | {k.P50:0} ms | {k.P95:0} ms | {k.RawDuckDbP50:N0} ms | {k.VersusRaw:0.0}× | {k.ValueOnly} {postgres}|"));
        }
        return text.ToString();
    }

    private static string Gib(long bytes) => Invariant($"{bytes / (1024.0 * 1024 * 1024):0.00} GiB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
