using UsageLens.Ingest.Wire;

namespace UsageLens.Server.GroupCommit;

/// <summary>
/// One validated request waiting for the writer. <paramref name="UnitField"/> names where the wire
/// format carries the unit (<c>properties.unit</c>, <c>data.unit</c>) for a conflict report.
/// </summary>
internal sealed record PendingWrite(ParsedRequest Request, string UnitField)
{
    private readonly TaskCompletionSource<WriteVerdict> _verdict = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<WriteVerdict> Verdict => _verdict.Task;

    public void Complete(WriteVerdict verdict) => _verdict.TrySetResult(verdict);
}
