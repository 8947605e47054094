
using UsageLens.Core.Storage;

namespace UsageLens.Storage.ClickHouse.Tests.Migration;

/// <summary>Stops a copy as soon as its first block of events is reported, synchronously, as a user pressing Ctrl+C would.</summary>
internal sealed class CancelAfterFirstEventBlock(CancellationTokenSource cancellation) : IProgress<MigrationProgress>
{
    public long CopiedWhenCancelled { get; private set; } = -1;

    public void Report(MigrationProgress value)
    {
        if (value.Table == "events" && CopiedWhenCancelled < 0)
        {
            CopiedWhenCancelled = value.Copied;
            cancellation.Cancel();
        }
    }
}
