using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using UsageLens.Core;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli.Commands;

/// <summary>
/// <c>usagelens backup --to FILE</c>: a consistent copy of a DuckDB workspace. A served workspace is locked by its
/// server, so it is backed up through the server (<c>--url URL --key ADMINKEY</c>), which takes the copy between two
/// commits; an idle one is copied directly (<c>--db FILE</c>). The file appears only once complete and verified.
/// </summary>
internal static class BackupCommand
{
    public const string ClickHouseRefusal =
        "usagelens backup copies DuckDB workspaces; back up a ClickHouse workspace on the ClickHouse server (ALTER TABLE ... FREEZE, clickhouse-backup, or per-partition copies): see docs/reliability.md, 'Backup and restore'";

    public static Command Create(CliEnvironment environment)
    {
        var to = new Option<string>("--to") { Description = "The backup file to write; it must not exist", Required = true };
        var url = new Option<string?>("--url") { Description = "The address of the server serving the workspace: it takes the backup between two commits" };
        var key = new Option<string?>("--key") { Description = "An admin key of the server at --url" };
        var command = new Command("backup", "Back up a DuckDB workspace to a file, directly (--db) or through the server serving it (--url, --key)") { to, url, key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = Path.GetFullPath(parse.GetValue(to)!);
            if (File.Exists(target))
            {
                throw new UsageLensException($"--to: '{target}' exists already; name a new file");
            }
            var inspection = parse.GetValue(url) is { } server
                ? await DownloadAsync(new Uri(server), parse.GetValue(key) ?? throw new UsageLensException("--key: an admin key is needed with --url"), target, cancellationToken).ConfigureAwait(false)
                : await CopyAsync(parse, environment, target, cancellationToken).ConfigureAwait(false);
            await environment.Out.WriteLineAsync($"Backed up to {target}: {BackupSummary.Of(inspection)}").ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }

    private static async Task<WorkspaceInspection> CopyAsync(ParseResult parse, CliEnvironment environment, string target, CancellationToken cancellationToken)
    {
        if (WorkspaceStores.Engine(parse) is not DuckDbEngine)
        {
            throw new UsageLensException(ClickHouseRefusal);
        }
        IWorkspaceStore workspace;
        try
        {
            workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: true, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageLensException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageLensException($"{ex.Message}; a served workspace is backed up by its server: usagelens backup --url http://HOST:PORT --key ADMINKEY --to {target}", ex);
        }
        var scratch = Path.Combine(Path.GetTempPath(), $"usagelens-backup-{Guid.NewGuid():N}.duckdb");
        try
        {
            using (workspace)
            {
                await ((IWorkspaceBackup)workspace).BackupAsync(scratch, cancellationToken).ConfigureAwait(false);
            }
            // Copied beside the target first, so that the target appears whole with one rename.
            File.Copy(scratch, target + ".partial", overwrite: true);
            return Publish(target);
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    private static async Task<WorkspaceInspection> DownloadAsync(Uri server, string key, string target, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromHours(1) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.PostAsync(new Uri("/api/v1/admin/backup", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new UsageLensException(await RefusalAsync(response, cancellationToken).ConfigureAwait(false));
        }
        var partial = target + ".partial";
        var file = File.Create(partial);
        await using (file.ConfigureAwait(false))
        {
            await response.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }
        return Publish(target);
    }

    private static WorkspaceInspection Publish(string target)
    {
        var partial = target + ".partial";
        try
        {
            var inspection = DuckDbBackup.Verify(partial);
            File.Move(partial, target);
            return inspection;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return $"the server refused the backup (HTTP {(int)response.StatusCode}): --key must be an admin key of that server";
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.TryGetProperty("detail", out var detail))
            {
                return $"the server refused the backup (HTTP {(int)response.StatusCode}): {detail.GetString()}";
            }
        }
        catch (JsonException)
        {
            // Not a problem document: the status says enough.
        }
        return $"the server refused the backup (HTTP {(int)response.StatusCode})";
    }
}
