using UsageLens.Ingest.Wire;

namespace UsageLens.Server.GroupCommit;

internal sealed record WriteVerdict(WriteStatus Status, IReadOnlyList<IngestProblem> Problems)
{
    public static readonly WriteVerdict Committed = new(WriteStatus.Committed, []);

    public static readonly WriteVerdict Unavailable = new(WriteStatus.Unavailable, []);

    public static WriteVerdict Refused(IReadOnlyList<IngestProblem> problems) => new(WriteStatus.Refused, problems);
}
