using System.Globalization;
using UsageLens.Core.Reports;

namespace UsageLens.Storage.DuckDb.Reports;

/// <summary>The scheduled report runs in DuckDB's <c>report_runs</c>: one appended row per run, never updated.</summary>
public sealed class DuckDbReportRunStore(DuckDbWorkspace workspace) : IReportRunStore
{
    public Task RecordAsync(ReportRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var connection = workspace.OpenConnection();
        DuckDbCommands.Execute(connection,
            "INSERT INTO report_runs (report, partner_id, ran_at, as_of, status, file_name, deliveries, error) VALUES ($1, $2, $3, CAST($4 AS DATE), $5, $6, $7, $8)",
            run.Report, run.PartnerId, run.RanAt, run.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), run.Status, run.FileName, run.DeliveriesJson(), run.Error);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReportRun>> ListAsync(CancellationToken cancellationToken)
    {
        using var connection = workspace.OpenConnection();
        var rows = DuckDbCommands.Rows(connection,
            "SELECT report, partner_id, ran_at, CAST(as_of AS VARCHAR), status, file_name, CAST(deliveries AS VARCHAR), error FROM report_runs ORDER BY ran_at, report",
            [], cancellationToken);
        return Task.FromResult<IReadOnlyList<ReportRun>>([.. rows.Select(r => new ReportRun((string)r[0]!, (string?)r[1], (DateTime)r[2]!,
            DateOnly.ParseExact((string)r[3]!, "yyyy-MM-dd", CultureInfo.InvariantCulture), (string)r[4]!, (string?)r[5], ReportRun.ParseDeliveries((string)r[6]!), (string?)r[7]))]);
    }
}
