using System.Globalization;
using UsageLens.Core.Reports;
using UsageLens.Storage.ClickHouse.Ingestion;
using static UsageLens.Storage.ClickHouse.Schema.ClickHouseTables;

namespace UsageLens.Storage.ClickHouse.Reports;

/// <summary>The scheduled report runs in ClickHouse's <c>report_runs</c>, written on every node like the erasures; rows travel as JSONEachRow.</summary>
public sealed class ClickHouseReportRunStore(ClickHouseWorkspace workspace, TimeProvider timeProvider) : IReportRunStore
{
    private static readonly string[] s_columns = ["report", "partner_id", "ran_at", "as_of", "status", "file_name", "deliveries", "error", "version"];

    public async Task RecordAsync(ReportRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var line = new JsonEachRow(s_columns);
        line.Add(run.Report, run.PartnerId, run.RanAt.AddTicks(-(run.RanAt.Ticks % TimeSpan.TicksPerSecond)), run.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            run.Status, run.FileName, run.DeliveriesJson(), run.Error, timeProvider.GetUtcNow().UtcTicks);
        await workspace.InsertEverywhereAsync(ReportRuns, s_columns, line.ToString(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReportRun>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await workspace.Entry.QueryAsync(
            $"SELECT report, partner_id, ran_at, toString(as_of), status, file_name, deliveries, error FROM {ReportRuns} FINAL ORDER BY ran_at, report", cancellationToken).ConfigureAwait(false);
        return [.. rows.Rows.Select(r => new ReportRun((string)r[0]!, (string?)r[1], (DateTime)r[2]!,
            DateOnly.ParseExact((string)r[3]!, "yyyy-MM-dd", CultureInfo.InvariantCulture), (string)r[4]!, (string?)r[5], ReportRun.ParseDeliveries((string)r[6]!), (string?)r[7]))];
    }
}
