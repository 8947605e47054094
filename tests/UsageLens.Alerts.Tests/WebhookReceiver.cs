using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace UsageLens.Alerts.Tests;

/// <summary>
/// A real HTTP receiver: Kestrel on a free loopback port that records every request (headers and the
/// exact body bytes) and answers with the scripted status codes in turn, then 200.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers;

    private WebhookReceiver(WebApplication app, IEnumerable<int> answers)
    {
        _app = app;
        _answers = new ConcurrentQueue<int>(answers);
    }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>How long to wait before answering each request in turn (then: at once).</summary>
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public Uri Url => new($"{_app.Urls.First()}/hooks/usagelens");

    public static async Task<WebhookReceiver> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, answers);
        app.MapPost("/hooks/usagelens", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            receiver.Requests.Enqueue(new ReceivedRequest(
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray()));
            if (receiver.Delays.TryDequeue(out var delay))
            {
                await Task.Delay(delay, http.RequestAborted);
            }
            return Results.StatusCode(receiver._answers.TryDequeue(out var status) ? status : 200);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
