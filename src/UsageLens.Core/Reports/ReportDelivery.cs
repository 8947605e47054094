namespace UsageLens.Core.Reports;

/// <summary>How one report file went to one destination.</summary>
/// <param name="Target">folder or webhook.</param>
/// <param name="Destination">The file's path for a folder; the webhook's name (never its URL, whose path may hold a token).</param>
/// <param name="Status">delivered, failed (may succeed later) or rejected (the webhook refused it).</param>
/// <param name="Attempts">Tries made (a webhook retries on 5xx, timeouts and network errors).</param>
/// <param name="Error">Why it was not delivered; null when it was.</param>
public sealed record ReportDelivery(string Target, string Destination, string Status, int Attempts, string? Error)
{
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
