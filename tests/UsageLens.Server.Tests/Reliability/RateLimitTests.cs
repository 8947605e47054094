using System.Net;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Reliability;

/// <summary>Every keyed operation of the OpenAPI document answers a key past its rate with 429 and Retry-After, reads as well as writes.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Every_operation_answers_429_with_retry_after_once_a_key_is_past_its_rate()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { RequestsPerSecondPerKey = 1, RequestBurstPerKey = 2 });
        var document = await Json.ReadAsync(await server.ClientWithKey(null).GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var unlimited = new List<string>();

        foreach (var operation in ApiOperation.All(document).Where(o => o.Kind is not (null or OperationKind.Public)))
        {
            // A key of its own per operation, so one operation's requests never spend another's tokens.
            var client = server.ClientWithBearer((await server.Store.Keys.CreateAsync(ApiKeyRole.Admin, null, default)).Key);
            var call = MatrixCalls.For(operation, "admin", new Dictionary<string, IReadOnlyList<string>>()).First();
            // Sent at once: a write waits for its group commit, which on a busy machine outlasts the 1 s refill.
            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.SendAsync(call.ToRequest())));
            var refused = answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.TooManyRequests);
            if (refused is null || !refused.Headers.TryGetValues("Retry-After", out var retry) || !int.TryParse(retry.Single(), out var seconds) || seconds < 1)
            {
                unlimited.Add($"{operation}: {string.Join(", ", answers.Select(a => (int)a.StatusCode))}");
            }
        }

        Assert.True(unlimited.Count == 0, "no 429 with Retry-After among 6 requests at once at 1/s (burst 2): " + string.Join("; ", unlimited));
    }
}
