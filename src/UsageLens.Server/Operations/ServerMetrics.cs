using Prometheus;

namespace UsageLens.Server.Operations;

/// <summary>
/// The server's Prometheus metrics, in a registry of its own so that two servers in one process (the tests)
/// never count into each other. The ingest rate is <c>rate(usagelens_ingest_events_total{outcome="accepted"}[1m])</c>.
/// </summary>
internal sealed class ServerMetrics
{
    public ServerMetrics()
    {
        var factory = Metrics.WithCustomRegistry(Registry);
        IngestEvents = factory.CreateCounter("usagelens_ingest_events_total",
            "Messages received by the ingestion endpoints: accepted (committed and acknowledged), refused (answered 400, nothing stored), unavailable (answered 503, nothing stored)",
            "outcome");
        IngestRequests = factory.CreateCounter("usagelens_ingest_requests_total",
            "Ingestion requests by outcome (accepted, refused, unavailable)", "outcome");
        QueueDepth = factory.CreateGauge("usagelens_group_commit_queue_depth", "Ingestion requests waiting for the group-commit writer");
        UnmergedRecords = factory.CreateGauge("usagelens_ingest_log_unmerged_records", "Records acknowledged from the ingest log and not merged into the workspace yet");
        LogAppendDuration = factory.CreateHistogram("usagelens_ingest_log_append_duration_seconds",
            "Time appending one group to the ingest log took, fsync included (what an acknowledgement waits for beyond the queue)",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });
        CommitDuration = factory.CreateHistogram("usagelens_group_commit_duration_seconds", "Time one group commit (one transaction) took",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 15) });
        QueryDuration = factory.CreateHistogram("usagelens_query_duration_seconds", "Time a KPI or an insight took to compute, by kind (kpi, insight) and name",
            new HistogramConfiguration { LabelNames = ["kind", "name"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
        ResultReads = factory.CreateCounter("usagelens_result_reads_total",
            "KPI, insight and customer-list results asked of the result cache, by outcome (kept: answered from the cache; computed) and by who asked (request, warm-up at start, refresh after a commit)",
            "outcome", "by");
    }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public Counter IngestEvents { get; }

    public Counter IngestRequests { get; }

    public Gauge QueueDepth { get; }

    public Gauge UnmergedRecords { get; }

    public Histogram LogAppendDuration { get; }

    public Histogram CommitDuration { get; }

    public Histogram QueryDuration { get; }

    public Counter ResultReads { get; }

    public void CountIngest(string outcome, int messages)
    {
        IngestRequests.WithLabels(outcome).Inc();
        IngestEvents.WithLabels(outcome).Inc(messages);
    }
}
