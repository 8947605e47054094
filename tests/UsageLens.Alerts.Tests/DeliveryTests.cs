using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using UsageLens.Core.Configuration.Alerts;

namespace UsageLens.Alerts.Tests;

public sealed class DeliveryTests : IDisposable
{
    private static readonly DateOnly s_asOf = new(2026, 9, 1);

    private readonly AlertHarness _harness = new();

    // 266 calls in the 7 days before 1 September (see UsageWorkspace), above 200: fires at the first evaluation.
    private static ThresholdAlertRule Rule(Uri url) =>
        new("calls-high", "0 8 * * *", [AlertHarness.Target(url)], "usage", ThresholdDirection.Above, 200) { Metric = "api_call" };

    [Fact]
    public async Task The_signature_is_the_HMAC_SHA256_of_the_exact_body_with_the_targets_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var store = await UsageWorkspace.OpenAsync();

        await AlertHarness.RunAsync(_harness.Runner, Rule(receiver.Url), store, s_asOf);

        var request = Assert.Single(receiver.Requests);
        // Recomputed independently: .NET's HMACSHA256 object over the received bytes, hex digit by digit.
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(AlertHarness.Secret));
        var expected = "sha256=" + string.Concat(hmac.ComputeHash(request.Body).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        Assert.Equal(expected, request.Headers["X-UsageLens-Signature"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("calls-high", body.RootElement.GetProperty("rule").GetString());
        Assert.Equal("threshold", body.RootElement.GetProperty("kind").GetString());
        Assert.Equal(266, body.RootElement.GetProperty("values").GetProperty("value").GetDouble());
        Assert.Equal(request.Headers["Idempotency-Key"], body.RootElement.GetProperty("id").GetString());
        // The timestamp header is the signed body's fired_at, in Unix seconds.
        var firedAt = DateTimeOffset.Parse(body.RootElement.GetProperty("fired_at").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(firedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), request.Headers["X-UsageLens-Timestamp"]);
    }

    [Fact]
    public async Task Two_503s_then_200_make_three_attempts_with_one_key_and_one_logged_success()
    {
        await using var receiver = await WebhookReceiver.StartAsync(503, 503);
        using var store = await UsageWorkspace.OpenAsync();

        var run = await AlertHarness.RunAsync(_harness.Runner, Rule(receiver.Url), store, s_asOf);

        var requests = receiver.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.Single(requests.Select(r => r.Headers["Idempotency-Key"]).Distinct());
        Assert.Single(requests.Select(r => r.Headers["X-UsageLens-Signature"]).Distinct());
        Assert.Single(requests.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        var delivery = Assert.Single(await _harness.Log.DeliveriesAsync(CancellationToken.None));
        Assert.Equal((AlertDelivery.Delivered, 3, (int?)200, "receiver", "calls-high"), (delivery.Status, delivery.Attempts, delivery.HttpStatus, delivery.Target, delivery.Rule));
        Assert.Equal(run.Firings.Single().Key, delivery.FiringKey);
        Assert.Equal(requests[0].Headers["Idempotency-Key"], delivery.FiringKey);
    }

    [Fact]
    public async Task A_400_is_not_retried_and_the_firing_is_not_repeated()
    {
        await using var receiver = await WebhookReceiver.StartAsync(400);
        using var store = await UsageWorkspace.OpenAsync();

        await AlertHarness.RunAsync(_harness.Runner, Rule(receiver.Url), store, s_asOf);
        var again = await AlertHarness.RunAsync(_harness.Runner, Rule(receiver.Url), store, s_asOf);

        Assert.Single(receiver.Requests);
        var delivery = Assert.Single(await _harness.Log.DeliveriesAsync(CancellationToken.None));
        Assert.Equal((AlertDelivery.Rejected, 1, (int?)400), (delivery.Status, delivery.Attempts, delivery.HttpStatus));
        Assert.Equal("HTTP 400 Bad Request", delivery.Error);
        Assert.Empty(again.Firings);
    }

    [Fact]
    public async Task A_delivery_that_fails_after_every_retry_is_fired_again_next_run_under_the_same_key()
    {
        // 1 attempt + 3 retries, all 503; then the next run's attempt is answered 200.
        await using var receiver = await WebhookReceiver.StartAsync(503, 503, 503, 503);
        using var store = await UsageWorkspace.OpenAsync();

        var first = await AlertHarness.RunAsync(_harness.Runner, Rule(receiver.Url), store, s_asOf);
        var second = await AlertHarness.RunAsync(_harness.Runner, Rule(receiver.Url), store, s_asOf.AddDays(1));
        var third = await AlertHarness.RunAsync(_harness.Runner, Rule(receiver.Url), store, s_asOf.AddDays(2));

        Assert.Equal(5, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Headers["Idempotency-Key"]).Distinct());
        Assert.Equal([(AlertDelivery.Failed, 4, (int?)503), (AlertDelivery.Delivered, 1, 200)],
            (await _harness.Log.DeliveriesAsync(CancellationToken.None)).Select(d => (d.Status, d.Attempts, d.HttpStatus)));
        Assert.Equal(first.Firings.Single().Key, second.Firings.Single().Key);
        Assert.Empty(third.Firings);
    }

    [Fact]
    public async Task A_receiver_that_is_down_is_a_network_error_retried_then_logged_as_failed()
    {
        // A port that was free a moment ago and now has no listener refuses the connection.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var store = await UsageWorkspace.OpenAsync();

        await AlertHarness.RunAsync(_harness.Runner, Rule(new Uri($"http://127.0.0.1:{port}/hook")), store, s_asOf);

        var delivery = Assert.Single(await _harness.Log.DeliveriesAsync(CancellationToken.None));
        Assert.Equal((AlertDelivery.Failed, 4, (int?)null), (delivery.Status, delivery.Attempts, delivery.HttpStatus));
        Assert.NotNull(delivery.Error);
    }

    [Fact]
    public async Task An_attempt_that_gets_no_answer_in_time_is_retried_with_the_same_key()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delays.Enqueue(TimeSpan.FromSeconds(8));
        using var client = WebhookSender.CreateClient();
        // 2 s per attempt: far under the first answer's 8 s, and far over what an answer without a delay takes on a
        // loaded CI machine (at 300 ms, the second attempt once timed out too there and a third was made).
        var sender = new WebhookSender(client, new WebhookRetry(2, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(2)), TimeProvider.System);
        var firing = new AlertFiring("r", "threshold", "key-1", "workspace", null, "holds", s_asOf, DateTimeOffset.UnixEpoch, "s", "{\"id\":\"key-1\"}");

        var delivery = await sender.SendAsync(firing, AlertHarness.Target(receiver.Url), CancellationToken.None);

        Assert.Equal((AlertDelivery.Delivered, 2, (int?)200), (delivery.Status, delivery.Attempts, delivery.HttpStatus));
        // The first request was received (then abandoned at 2 s), so the receiver saw both, with one key.
        Assert.Equal(["key-1", "key-1"], receiver.Requests.Select(r => r.Headers["Idempotency-Key"]));
    }

    public void Dispose() => _harness.Dispose();
}
