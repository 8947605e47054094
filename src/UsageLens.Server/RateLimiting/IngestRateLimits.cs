using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using UsageLens.Server.Authentication;
using UsageLens.Server.Ingestion;

namespace UsageLens.Server.RateLimiting;

/// <summary>A token bucket per API key for ingestion and another for everything else a key calls, so one noisy caller cannot starve the others.</summary>
internal static class IngestRateLimits
{
    public const string Policy = "per-key";

    public static IServiceCollection AddIngestRateLimits(this IServiceCollection services, ServerOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context => PerKey(context.User.FindFirst(UsageLensClaims.KeyPrefix)?.Value ?? "", options));
            // Reads (KPIs, insights, questions, alerts) get a bucket per key of their own, so a key asking
            // questions in a loop is slowed like one sending events; endpoints with a policy are counted there only.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.FindFirst(UsageLensClaims.KeyPrefix)?.Value is { } key && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null
                    ? PerKey(key, options)
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = RejectAsync;
        });

    private static RateLimitPartition<string> PerKey(string key, ServerOptions options) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.RequestBurstPerKey,
            TokensPerPeriod = options.RequestsPerSecondPerKey,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
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
