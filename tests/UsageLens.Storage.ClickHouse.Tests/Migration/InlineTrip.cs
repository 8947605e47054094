using UsageLens.Core.Storage;

namespace UsageLens.Storage.ClickHouse.Tests.Migration;

/// <summary>Hands each progress report to <paramref name="report"/> at once, on the copy's own thread, so a stop lands exactly where it is asked for.</summary>
internal sealed class InlineTrip(Action<MigrationProgress> report) : IProgress<MigrationProgress>
{
    public void Report(MigrationProgress value) => report(value);
}
