namespace UsageLens.Scale;

/// <summary>How a run measures: requests per KPI, PostgreSQL on or off, and the ingest load's shape.</summary>
internal sealed record ScaleOptions(int Runs, bool Postgres, int PostgresRuns, int Senders, int Batch, int IngestSeconds);
