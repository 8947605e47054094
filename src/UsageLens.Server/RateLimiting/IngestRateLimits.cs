using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using UsageLens.Server.Authentication;
using UsageLens.Server.Ingestion;

namespace UsageLens.Server.RateLimiting;

/// <summary>A token bucket per API key, so one noisy sender cannot starve the others.</summary>
internal static class IngestRateLimits
{
    public const string Policy = "per-key";

    public static IServiceCollection AddIngestRateLimits(this IServiceCollection services, ServerOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.FindFirst(UsageLensClaims.KeyPrefix)?.Value ?? "",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RequestBurstPerKey,
                    TokensPerPeriod = options.RequestsPerSecondPerKey,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = RejectAsync;
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsJsonAsync(new IngestErrorResponse($"too many requests for this key; retry after {seconds} s"), cancellationToken).ConfigureAwait(false);
    }
}
