using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UsageLens.Server.GroupCommit;
using UsageLens.Storage.DuckDb;
using UsageLens.Core.Keys;
using UsageLens.Core.Storage;

namespace UsageLens.Server.Tests.Support;

/// <summary>
/// The real server on Kestrel (127.0.0.1, a free port) over a DuckDB workspace file in a temp folder, with its ingest
/// log beside it as <c>usagelens serve</c> has: acknowledged requests are merged in the background, and the helpers
/// that read the file (<see cref="Count"/>, <see cref="Scalar"/>) first wait for what was acknowledged, as API reads do.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];

    // One connection pool for every keyed client: a fixture that sends tens of thousands of requests (the fuzz and
    // corpus runs) through a new client each would otherwise hold a socket per client on both ends, in this one
    // process, until the file-descriptor limit stops the server accepting.
    private readonly SocketsHttpHandler _connections = new() { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
    private bool _stopped;

    private RunningServer(string directory, DuckDbWorkspaceStore store, WebApplication app, Uri address, Keys keys)
    {
        Directory = directory;
        Store = store;
        _app = app;
        Address = address;
        WriterKey = keys.Writer;
        AnalystKey = keys.Analyst;
        AdminKey = keys.Admin;
    }

    public string Directory { get; }

    public string WorkspacePath => Path.Combine(Directory, "workspace.duckdb");

    public DuckDbWorkspaceStore Store { get; }

    public DuckDbWorkspace Workspace => Store.Workspace;

    public Uri Address { get; }

    public string WriterKey { get; }

    public string AnalystKey { get; }

    public string AdminKey { get; }

    /// <summary>Completes once every request acknowledged so far is merged into the workspace.</summary>
    public Task MergedAsync() => _stopped ? Task.CompletedTask : _app.Services.GetRequiredService<GroupCommitWriter>().AcknowledgedMergedAsync(default);

    public long Commits => _app.Services.GetRequiredService<GroupCommitWriter>().Commits;

    /// <summary>How many results the result cache answered (<paramref name="outcome"/> kept or computed) for whom (request, warm-up, refresh).</summary>
    public double ResultReads(string outcome, string by) => _app.Services.GetRequiredService<UsageLens.Server.Operations.ServerMetrics>().ResultReads.WithLabels(outcome, by).Value;

    /// <summary>Waits until the dashboard warm-up has read every hot result again since the last commit.</summary>
    public async Task DashboardWarmedAsync()
    {
        await MergedAsync();
        var warmup = _app.Services.GetRequiredService<UsageLens.Server.Dashboard.DashboardWarmup>();
        var catalogs = _app.Services.GetRequiredService<UsageLens.Server.Workspace.WorkspaceCatalogCache>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (warmup.WarmedGeneration != catalogs.Generation)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the dashboard warm-up did not catch up with generation {catalogs.Generation} in 90 s (at {warmup.WarmedGeneration})");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Starts the server; <paramref name="clock"/> decides what "today" is (default: the real clock), and
    /// <paramref name="decorate"/> may wrap the workspace it is given (to count its reads).
    /// </summary>
    public static async Task<RunningServer> StartAsync(ServerOptions? options = null, TimeProvider? clock = null, Func<IWorkspaceStore, IWorkspaceStore>? decorate = null)
    {
        clock ??= TimeProvider.System;
        var directory = Path.Combine(Path.GetTempPath(), "usagelens-server-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var workspace = DuckDbWorkspace.Open(Path.Combine(directory, "workspace.duckdb"));
        var store = new DuckDbWorkspaceStore(workspace, clock);
        var keys = new Keys(
            (await store.Keys.CreateAsync(ApiKeyRole.Writer, null, default)).Key,
            (await store.Keys.CreateAsync(ApiKeyRole.Analyst, null, default)).Key,
            (await store.Keys.CreateAsync(ApiKeyRole.Admin, null, default)).Key);
        var app = UsageLensServer.Build(
            (options ?? new ServerOptions()) with { Urls = "http://127.0.0.1:0", MinimumLogLevel = LogLevel.Warning, IngestLogDirectory = Path.Combine(directory, "ingest-log") },
            decorate?.Invoke(store) ?? store, clock);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new RunningServer(directory, store, app, new Uri(address), keys);
    }

    /// <summary>A client that sends <paramref name="key"/> the Segment way: HTTP Basic user name, empty password.</summary>
    public HttpClient ClientWithKey(string? key)
    {
        var client = new HttpClient(_connections, disposeHandler: false) { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        }
        return client;
    }

    public HttpClient Writer() => ClientWithKey(WriterKey);

    /// <summary>A client that keeps cookies, as a browser does for the dashboard session.</summary>
    public HttpClient ClientWithCookies(System.Net.CookieContainer cookies)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = Address };
        _clients.Add(client);
        return client;
    }

    /// <summary>A client that sends <paramref name="key"/> as a Bearer token, as dashboards and scripts do.</summary>
    public HttpClient ClientWithBearer(string key)
    {
        var client = ClientWithKey(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public long Count(string sql, params object?[] parameters) =>
        Convert.ToInt64(Scalar(sql, parameters), CultureInfo.InvariantCulture);

    public object? Scalar(string sql, params object?[] parameters)
    {
        MergedAsync().GetAwaiter().GetResult();
        using var connection = Workspace.OpenConnection();
        return DuckDbCommands.Scalar(connection, sql, parameters);
    }

    /// <summary>Stops the server (queued requests are committed first) and closes the workspace, keeping the file.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        _clients.ForEach(c => c.Dispose());
        _clients.Clear();
        _connections.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Store.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it is not.
        }
    }

    private sealed record Keys(string Writer, string Analyst, string Admin);
}
