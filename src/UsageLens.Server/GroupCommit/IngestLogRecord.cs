using UsageLens.Core.Storage;

namespace UsageLens.Server.GroupCommit;

/// <summary>One acknowledged group as the ingest log holds it: its place in the log and its records.</summary>
internal sealed record IngestLogRecord(long Sequence, IngestBatch Batch);
