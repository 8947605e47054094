using System.Globalization;

namespace UsageLens.Scale;

/// <summary>Median times of one size's imports: DuckDB's own readers into a table, and <c>usagelens import events</c>.</summary>
internal sealed record ImportFigures(long Events, TimeSpan ReadParquet, TimeSpan OursParquet, TimeSpan ReadCsv, TimeSpan OursCsv)
{
    public string Markdown() => string.Create(CultureInfo.InvariantCulture, $"""
        | {Events:N0} events | DuckDB's reader into a table | `usagelens import events` | ours ÷ DuckDB (throughput) | goal |
        |---|---|---|---|---|
        | Parquet | {ReadParquet.TotalSeconds:0.0} s | {OursParquet.TotalSeconds:0.0} s | {ReadParquet / OursParquet:0.00}× | ≥ 0.8× |
        | CSV | {ReadCsv.TotalSeconds:0.0} s | {OursCsv.TotalSeconds:0.0} s | {ReadCsv / OursCsv:0.00}× | ≥ 0.8× |
        """);
}
