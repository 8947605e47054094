using System.Globalization;
using UsageLens.Storage.ClickHouse.Schema;

namespace UsageLens.Storage.ClickHouse.Migration;

/// <summary>
/// Brings every unfinished import of a workspace to an end when the workspace is opened (by <c>usagelens import</c>,
/// <c>serve</c> or any other command): a fully staged import (<c>publishing</c>) is published, so everything of it
/// is visible; one still <c>staging</c> whose last sign of life is older than the bound is dropped, so nothing of it
/// is. A younger one is left alone: another process may be staging it right now.
/// </summary>
internal static class ImportRecovery
{
    /// <summary>How long a staging import may go without copying a block before it counts as abandoned.</summary>
    public static TimeSpan StagingBound { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Finishes or drops the unfinished imports; returns how many of each.</summary>
    public static async Task<(int Published, int Dropped)> RecoverAsync(ClickHouseWorkspace workspace, TimeSpan stagingBound, CancellationToken cancellationToken)
    {
        var (staging, publishing) = StagedImport.Unfinished;
        var seconds = ((long)stagingBound.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var rows = await workspace.Entry.QueryAsync(
            $"SELECT id, state FROM {ClickHouseTables.Imports} FINAL WHERE state = {ClickHouseLiteral.Quote(publishing)} "
            + $"OR (state = {ClickHouseLiteral.Quote(staging)} AND updated_at <= now() - {seconds})", cancellationToken).ConfigureAwait(false);
        int published = 0, dropped = 0;
        foreach (var row in rows.Rows)
        {
            var import = StagedImport.Found(workspace, (string)row[0]!);
            if ((string)row[1]! == publishing)
            {
                await import.PublishAsync(null, cancellationToken).ConfigureAwait(false);
                published++;
            }
            else
            {
                await import.DropAsync(cancellationToken).ConfigureAwait(false);
                dropped++;
            }
        }
        return (published, dropped);
    }
}
