using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using UsageLens.Core.Configuration.Alerts;

namespace UsageLens.Alerts;

/// <summary>
/// Posts a firing's body (or a scheduled report's) to a webhook, signed, with its idempotency key and timestamp. A 5xx answer, a
/// timeout or a network error is retried (Polly: exponential backoff with jitter); any other answer
/// below 500 is final, since sending the same body again cannot change it.
/// </summary>
public sealed class WebhookSender
{
    private readonly HttpClient _client;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeSpan _attemptTimeout;

    public WebhookSender(HttpClient client, WebhookRetry retry, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(retry);
        _client = client;
        _clock = clock;
        _attemptTimeout = retry.AttemptTimeout;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => (int)response.StatusCode >= 500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxRetryAttempts = retry.MaxRetries,
                // The answer that is retried is not read again; free its connection.
                OnRetry = arguments =>
                {
                    arguments.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(retry.AttemptTimeout)
            .Build();
    }

    /// <summary>A client for webhooks: redirects are not followed (a POST would turn into a GET), and Polly times each attempt.</summary>
    public static HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<AlertDelivery> SendAsync(AlertFiring firing, WebhookTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firing);
        var outcome = await PostAsync(Encoding.UTF8.GetBytes(firing.Body), firing.Key, firing.FiredAt, target, cancellationToken).ConfigureAwait(false);
        return Delivery(firing, target, outcome.Attempts, outcome.Status, outcome.HttpStatus, outcome.Error);
    }

    /// <summary>
    /// Posts a JSON <paramref name="body"/> to <paramref name="target"/>, signed with its secret, with <paramref name="key"/> as the
    /// idempotency key and <paramref name="at"/> as the timestamp; retried as the class describes.
    /// </summary>
    public async Task<WebhookOutcome> PostAsync(byte[] body, string key, DateTimeOffset at, WebhookTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(target);
        var signature = WebhookSignature.Compute(body, target.Secret);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var attempts = 0;
        try
        {
            using var response = await _pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add(WebhookSignature.SignatureHeader, signature);
                request.Headers.Add(WebhookSignature.IdempotencyHeader, key);
                request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
                request.Headers.UserAgent.Add(new ProductInfoHeaderValue("UsageLens-Alerts", "1"));
                return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var outcome = status is >= 200 and < 300 ? AlertDelivery.Delivered : status >= 500 ? AlertDelivery.Failed : AlertDelivery.Rejected;
            var error = outcome == AlertDelivery.Delivered ? null : $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
            return new WebhookOutcome(attempts, outcome, status, error);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            var error = ex is TimeoutRejectedException ? $"no answer within {_attemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s" : ex.Message;
            return new WebhookOutcome(attempts, AlertDelivery.Failed, null, error);
        }
    }

    private AlertDelivery Delivery(AlertFiring firing, WebhookTarget target, int attempts, string status, int? httpStatus, string? error) =>
        new(firing.Rule, firing.Key, firing.Subject, target.Name, attempts, status, httpStatus, error, _clock.GetUtcNow());
}
