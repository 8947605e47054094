namespace UsageLens.Alerts;

/// <summary>How a webhook delivery is retried: exponential backoff with jitter on 5xx, timeouts and network errors.</summary>
/// <param name="MaxRetries">Retries after the first attempt (default 4, so at most 5 attempts).</param>
/// <param name="BaseDelay">The first retry's median delay; each next one doubles it, with jitter.</param>
/// <param name="AttemptTimeout">How long one attempt may take before it counts as timed out.</param>
public sealed record WebhookRetry(int MaxRetries, TimeSpan BaseDelay, TimeSpan AttemptTimeout)
{
    public static WebhookRetry Default { get; } = new(4, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
}
