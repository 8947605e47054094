using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UsageLens.Questions.Tests;

/// <summary>An OpenAI-compatible /chat/completions endpoint on loopback that answers with a fixed message content.</summary>
internal sealed class FakeLanguageModel : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeLanguageModel(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public List<string> Requests { get; } = [];

    public List<string?> Authorizations { get; } = [];

    public static async Task<FakeLanguageModel> StartAsync(string content)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeLanguageModel? fake = null;
        app.MapPost("/v1/chat/completions", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            fake!.Requests.Add(await reader.ReadToEndAsync());
            fake.Authorizations.Add(http.Request.Headers.Authorization.FirstOrDefault());
            var body = System.Text.Json.JsonSerializer.Serialize(new { choices = new[] { new { message = new { role = "assistant", content } } } });
            return Results.Text(body, "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeLanguageModel(app, new Uri(address + "/v1"));
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
