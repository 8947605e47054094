namespace UsageLens.Scale;

/// <summary>
/// One KPI's latencies (ms) through the UsageLens API and, where run, for the raw SQL on DuckDB and PostgreSQL.
/// <see cref="ValueOnlyP50"/> is the API asked without the comparison with the previous period (<c>previous=false</c>),
/// which is what the raw SQL computes; NaN where the SQL computes the comparison too.
/// </summary>
internal sealed record KpiTiming(string Kpi, double P50, double P95, double RawDuckDbP50, double PostgresP50, double ValueOnlyP50)
{
    /// <summary>Raw DuckDB time over ours (how many times faster we are); NaN when not run.</summary>
    public double VersusRaw => RawDuckDbP50 / P50;

    /// <summary>The same against the API asked without the comparison.</summary>
    public double ValueOnlyVersusRaw => RawDuckDbP50 / ValueOnlyP50;

    /// <summary>"p50 ms, × faster" without the comparison, or a dash where that is not the same work as the SQL.</summary>
    public string ValueOnly => double.IsNaN(ValueOnlyP50)
        ? "—"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ValueOnlyP50:0} ms, {ValueOnlyVersusRaw:0.0}×");

    public double VersusPostgres => PostgresP50 / P50;
}
