using System.Globalization;
using UsageLens.Core.Storage;
using UsageLens.Server.Authentication;
using UsageLens.Server.GroupCommit;

namespace UsageLens.Server.Operations;

/// <summary>
/// <c>POST /api/v1/admin/backup</c> (admin keys): a consistent copy of the served workspace, taken between two group
/// commits, so it holds exactly the ingestion requests acknowledged before it. The body is the DuckDB file; the
/// headers say its schema version and row counts. Engines that cannot copy themselves (ClickHouse) answer 501 with
/// the way to back them up.
/// </summary>
internal static class BackupEndpoints
{
    public const string NotSupported =
        "this workspace's engine is not backed up by usagelens; back up ClickHouse with ALTER TABLE ... FREEZE or clickhouse-backup (docs/reliability.md, 'Backup and restore')";

    public static IEndpointRouteBuilder MapBackupEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/admin/backup", BackupAsync)
            .RequireAuthorization(UsageLensPolicies.Admin)
            .WithTags("Administration")
            .WithSummary("A consistent copy of the workspace (a DuckDB file), taken at a commit boundary");
        return app;
    }

    private static async Task<IResult> BackupAsync(HttpContext http, IWorkspaceStore workspace, GroupCommitWriter writer, CancellationToken cancellationToken)
    {
        if (workspace is not IWorkspaceBackup backup)
        {
            return Results.Problem(NotSupported, statusCode: StatusCodes.Status501NotImplemented);
        }
        var path = Path.Combine(Path.GetTempPath(), $"usagelens-backup-{Guid.NewGuid():N}.duckdb");
        var inspection = await writer.AtCommitBoundaryAsync(token => backup.BackupAsync(path, token), cancellationToken).ConfigureAwait(false);
        http.Response.Headers["X-UsageLens-Schema-Version"] = inspection.SchemaVersion?.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-UsageLens-Row-Counts"] = string.Join(';', inspection.RowCounts.Select(c => $"{c.Key}={c.Value.ToString(CultureInfo.InvariantCulture)}"));
        // The temporary file goes away once the response has been sent.
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return Results.File(file, "application/octet-stream", "usagelens-backup.duckdb");
    }
}
