using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using UsageLens.Core.Keys;
using UsageLens.Storage.ClickHouse;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Server.Tests.Support;

/// <summary>
/// The real server on Kestrel over a ClickHouse workspace in a clickhouse-server of its own, with a
/// client holding a writer key. A test may stop the ClickHouse server early (an outage).
/// </summary>
internal sealed class ClickHouseServing : IAsyncDisposable
{
    private readonly ClickHouseWorkspaceStore _store;
    private readonly WebApplication _app;
    private bool _clickHouseStopped;

    private ClickHouseServing(ClickHouseServer clickHouse, ClickHouseWorkspaceStore store, WebApplication app, HttpClient writer)
    {
        ClickHouse = clickHouse;
        _store = store;
        _app = app;
        Writer = writer;
    }

    public ClickHouseServer ClickHouse { get; }

    /// <summary>A client sending a writer key as a Bearer token.</summary>
    public HttpClient Writer { get; }

    /// <summary>Stops the ClickHouse server while the UsageLens server keeps running.</summary>
    public void StopClickHouse()
    {
        _clickHouseStopped = true;
        ClickHouse.Dispose();
    }

    public static async Task<ClickHouseServing> StartAsync(string database)
    {
        var ports = ClickHouseServer.FreePorts();
        var clickHouse = await ClickHouseServer.StartAsync(ports, [ports.Tcp]);
        var workspace = await ClickHouseWorkspace.OpenAsync(ClickHouseAddress.Parse($"clickhouse://127.0.0.1:{ports.Http}/{database}"), default, TimeSpan.FromSeconds(5));
        var store = new ClickHouseWorkspaceStore(workspace, TimeProvider.System);
        var key = (await store.Keys.CreateAsync(ApiKeyRole.Writer, null, default)).Key;
        var app = UsageLensServer.Build(new ServerOptions { Urls = "http://127.0.0.1:0" }, store, TimeProvider.System);
        await app.StartAsync();
        var writer = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()) };
        writer.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return new ClickHouseServing(clickHouse, store, app, writer);
    }

    public async ValueTask DisposeAsync()
    {
        Writer.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
        if (!_clickHouseStopped)
        {
            ClickHouse.Dispose();
        }
    }
}
