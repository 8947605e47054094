namespace UsageLens.Alerts;

/// <summary>One firing's delivery to one webhook, as the delivery log keeps it.</summary>
/// <param name="FiringKey">The firing's idempotency key.</param>
/// <param name="Target">The webhook's name (never its URL, whose path may hold a token).</param>
/// <param name="Attempts">HTTP attempts made, retries included.</param>
/// <param name="Status"><c>delivered</c> (2xx), <c>rejected</c> (another answer below 500, not retried) or <c>failed</c> (5xx, timeout or network error after every retry).</param>
/// <param name="HttpStatus">The last answer's status code, when there was one.</param>
/// <param name="Error">Why it was not delivered.</param>
public sealed record AlertDelivery(string Rule, string FiringKey, string Subject, string Target, int Attempts, string Status, int? HttpStatus, string? Error, DateTimeOffset Time)
{
    public const string Delivered = "delivered";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
}
