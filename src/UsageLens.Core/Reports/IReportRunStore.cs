namespace UsageLens.Core.Reports;

/// <summary>The record of scheduled report runs (<c>report_runs</c>), kept in the workspace like the erasures.</summary>
public interface IReportRunStore
{
    /// <summary>Records one run.</summary>
    Task RecordAsync(ReportRun run, CancellationToken cancellationToken);

    /// <summary>Every recorded run, oldest first.</summary>
    Task<IReadOnlyList<ReportRun>> ListAsync(CancellationToken cancellationToken);
}
