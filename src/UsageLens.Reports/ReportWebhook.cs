using System.Globalization;
using System.Text.Json;
using UsageLens.Alerts;
using UsageLens.Core.Configuration.Alerts;
using UsageLens.Core.Reports;

namespace UsageLens.Reports;

/// <summary>
/// Posts a report to a webhook through the alerts' <see cref="WebhookSender"/> (signed, idempotency key, Polly retries):
/// a JSON body with the subject line and the file as a base64 attachment, so the receiver can mail it as it is.
/// </summary>
public static class ReportWebhook
{
    public const string Target = "webhook";

    public static async Task<ReportDelivery> PostAsync(WebhookSender sender, ReportFile file, string report, string? partner, WebhookTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(target);
        var outcome = await sender.PostAsync(Body(file, report, partner), $"report:{report}:{file.GeneratedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}",
            file.GeneratedAt, target, cancellationToken).ConfigureAwait(false);
        return new ReportDelivery(Target, target.Name, outcome.Status, outcome.Attempts, outcome.Error);
    }

    /// <summary>The JSON body: report, subject, partner_id, as_of, generated_at and attachment (file_name, content_type, content_base64).</summary>
    public static byte[] Body(ReportFile file, string report, string? partner)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("report", report);
            writer.WriteString("subject", file.Subject);
            writer.WriteString("partner_id", partner);
            writer.WriteString("as_of", file.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("generated_at", file.GeneratedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteStartObject("attachment");
            writer.WriteString("file_name", file.FileName);
            writer.WriteString("content_type", file.ContentType);
            writer.WriteBase64String("content_base64", file.Content);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
