using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using UsageLens.Core.Keys;
using UsageLens.Storage.ClickHouse;
using UsageLens.Storage.ClickHouse.Tests.Support;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Ingestion;

/// <summary>The server over a ClickHouse workspace whose server goes away while events keep arriving.</summary>
public sealed class ClickHouseOutageTests
{
    private const string Batch = """
        {"batch": [
          {"type": "track", "messageId": "m-NUMBER", "event": "api_call", "userId": "u-1", "timestamp": "2026-10-01T10:00:00Z",
           "context": {"groupId": "acme"}, "properties": {"quantity": 3}}
        ]}
        """;

    [SkippableFact]
    public async Task While_clickhouse_is_down_new_events_are_answered_503_with_retry_after()
    {
        ClickHouseRequirement.Check();
        var ports = ClickHouseServer.FreePorts();
        var clickHouse = await ClickHouseServer.StartAsync(ports, [ports.Tcp]);
        var workspace = await ClickHouseWorkspace.OpenAsync(ClickHouseAddress.Parse($"clickhouse://127.0.0.1:{ports.Http}/outage"), default, TimeSpan.FromSeconds(5));
        using var store = new ClickHouseWorkspaceStore(workspace, TimeProvider.System);
        var key = (await store.Keys.CreateAsync(ApiKeyRole.Writer, null, default)).Key;
        await using var app = UsageLensServer.Build(new ServerOptions { Urls = "http://127.0.0.1:0" }, store, TimeProvider.System);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);

        var before = await client.PostAsync("/v1/batch", Json.Body(Batch.Replace("NUMBER", "1", StringComparison.Ordinal)));
        var rows = await new HttpClient().GetStringAsync(new Uri($"http://127.0.0.1:{ports.Http}/?query=SELECT%20count()%20FROM%20outage.events"));
        clickHouse.Dispose();
        var during = await client.PostAsync("/v1/batch", Json.Body(Batch.Replace("NUMBER", "2", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("1", rows.Trim());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("1", during.Headers.GetValues("Retry-After").Single());
        await app.StopAsync();
    }
}
