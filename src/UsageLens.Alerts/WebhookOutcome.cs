namespace UsageLens.Alerts;

/// <summary>How one signed POST to a webhook ended.</summary>
/// <param name="Attempts">Tries made, retries included.</param>
/// <param name="Status"><see cref="AlertDelivery.Delivered"/>, <see cref="AlertDelivery.Failed"/> (5xx, timeout or network error after the last retry) or <see cref="AlertDelivery.Rejected"/> (another answer below 500).</param>
/// <param name="HttpStatus">The last answer's status code; null when none came.</param>
/// <param name="Error">Why it was not delivered; null when it was.</param>
public sealed record WebhookOutcome(int Attempts, string Status, int? HttpStatus, string? Error);
