using System.Text.Json;
using UsageLens.Core.Reports;

namespace UsageLens.Reports;

/// <summary>
/// Writes a report into a folder atomically: the bytes go to a hidden temporary file in the same folder, are flushed to
/// disk and renamed into place, so a reader (a mailer watching the folder) never sees half a file. Beside it, written the
/// same way and after it, <c>NAME.json</c> holds the subject line and what the file is, which a mailer needs to send it.
/// </summary>
public static class FolderDelivery
{
    public const string Target = "folder";

    public static async Task<ReportDelivery> WriteAsync(ReportFile file, string report, string? partner, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = Path.GetFullPath(Path.Combine(folder, file.FileName));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await WriteAtomicallyAsync(path, file.Content, cancellationToken).ConfigureAwait(false);
            var metadata = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
            {
                ["report"] = report,
                ["subject"] = file.Subject,
                ["file_name"] = file.FileName,
                ["content_type"] = file.ContentType,
                ["as_of"] = file.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["generated_at"] = file.GeneratedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["partner_id"] = partner,
            });
            await WriteAtomicallyAsync(path + ".json", metadata, cancellationToken).ConfigureAwait(false);
            return new ReportDelivery(Target, path, ReportDelivery.Delivered, 1, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ReportDelivery(Target, path, ReportDelivery.Failed, 1, ex.Message);
        }
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
