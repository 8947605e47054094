using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Core.Users;
using UsageLens.Insights;
using UsageLens.Insights.Customers;
using UsageLens.Server.Authentication;
using UsageLens.Server.GroupCommit;
using UsageLens.Server.Kpis;
using UsageLens.Server.Operations;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Dashboard;

/// <summary>
/// When <see cref="ServerOptions.WarmDashboard"/> is on (<c>usagelens serve</c> and <c>demo</c>), gets the dashboard
/// ready as soon as the server listens: it asks itself for the first files (left out of the access log), computes
/// what the overview (the page the dashboard opens on), the engagement and revenue pages, the customer list and a
/// customer 360 ask for (the whole workspace, as of today), and runs the first API answers through their endpoints in-process, so the
/// first visitor finds both the results and the code compiled. Afterwards, once ingestion has paused for <see cref="Quiet"/> after a commit, and
/// shortly before entries expire, it reads again the results visitors asked for in the last
/// <see cref="ResultCache.HotFor"/> (<see cref="ResultCache.RefreshAsync"/>). Under ingestion that never pauses,
/// a visit still computes what changed.
/// </summary>
internal sealed partial class DashboardWarmup(
    ResultCache cache, WorkspaceCatalogCache catalogs, GroupCommitWriter writer, ServerOptions options, TimeProvider clock, IServer server, OwnRequestMark own,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DashboardWarmup> logger)
    : BackgroundService
{
    /// <summary>How long after a commit with no other commit the hot results are read again.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    /// <summary>How often the warm-up looks for hot results that a commit or their age made stale.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // The reads of the pages people open first, exactly as wwwroot/pages/{overview,engagement,revenue}.js send them
    // (GET /api/v1/kpi/{name}?{query}; the order of the parameters does not matter). DashboardWarmupBrowserTests
    // fails when one of these pages asks for a KPI that is not here.
    private static readonly string[] s_pageKpis =
    [
        // overview
        "usage?metric=api_call&period=last-30-days",
        "top-customer-share?metric=api_call&period=last-30-days&top=20%25&rank-by=revenue",
        "usage?metric=accounts%28api_call%29&period=last-30-days",
        "usage?metric=users%28login%29&period=last-30-days",
        "mrr?period=last-30-days",
        "nrr?period=last-30-days",
        "top-customer-share?metric=api_call&period=last-180-days&grain=month&top=20%25&rank-by=revenue",
        "usage?metric=api_call&period=last-30-days&group-by=segment",
        // engagement
        "active-users?period=last-30-days&measure=dau",
        "active-users?period=last-30-days&measure=wau",
        "active-users?period=last-30-days&measure=mau",
        "stickiness?period=last-30-days",
        "active-users?period=last-30-days&grain=day&measure=dau",
        "feature-adoption?period=last-30-days&feature=api_call&level=accounts",
        "feature-adoption?period=last-30-days&feature=export&level=accounts",
        "feature-adoption?period=last-30-days&feature=dashboard_view&level=accounts",
        "retention?period=last-6-months&grain=month&entity=accounts",
        // revenue
        "mrr?period=last-month",
        "arr?period=last-month",
        "nrr?period=last-month",
        "grr?period=last-month",
        "logo-churn?period=last-month",
        "revenue-churn?period=last-month",
        "arpa?period=last-month",
        "cltv?period=last-month",
        "quick-ratio?period=last-month",
        "mrr-movements?period=last-month",
        "mrr?period=last-12-months&grain=month",
        "logo-churn?period=last-12-months&grain=month",
    ];

    // The overview's highlights (churn risk is also the insights page's first view), then the rest of what a customer
    // 360 reads over the whole scope: its first view of a day computes them all, 18 s at 5,000 accounts.
    private static readonly string[] s_insights = [.. new[] { "churn-risk", "anomalies", "upsell" }.Union(CustomerViewReader.Insights)];

    // What a browser asks for first: the page, a module and the chart library, then an endpoint that needs no
    // credential (routing, authentication and authorization run for it as for the API). Asking once at start compiles
    // the server's code for them (connections, static files, the route table), which made the first visit after a
    // start 0.3 s slower (the first API request took 140 ms more, with or without a key). The API's own answers are
    // run in-process instead (below): asked over the network without a key they would put 401s in the access log and
    // the authentication log.
    private static readonly string[] s_firstRequests = ["/", "/app.js", "/vendor/uplot/uPlot.iife.min.js", "/healthz"];

    // The API's first answers, run in this process through their endpoints (routing's own request delegates, with the
    // JSON writing and filters) for an analyst, after the results are computed: the first visitor's requests then find
    // that code compiled. Nothing is sent over the network and no credential exists for it.
    private static readonly (string Pattern, string Name, string Query)[] s_firstAnswers =
    [
        ("/api/v1/session/", "", ""),
        ("/api/v1/kpi/{name}", "usage", "?metric=api_call&period=last-30-days"),
        ("/api/v1/insights/{name}", "anomalies", "?limit=5"),
        ("/api/v1/accounts/", "", ""),
    ];

    private long _warmed = -1;

    // The page reads that failed (on an empty workspace the overview's metrics do not exist yet): they never reached
    // the cache, so nothing marks them hot, and the warm-up tries those, and only those, again after the next commit.
    private List<(string What, Func<Task> Read)> _failedPages = [];

    /// <summary>The catalog generation every hot result was last read at: equal to the current one when nothing is stale.</summary>
    public long WarmedGeneration => Interlocked.Read(ref _warmed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WarmDashboard || !await StartedAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }
        try
        {
            var generation = catalogs.Generation;
            await WarmRequestsAsync(stoppingToken).ConfigureAwait(false);
            await WarmPagesAsync(stoppingToken).ConfigureAwait(false);
            await WarmAnswersAsync(stoppingToken).ConfigureAwait(false);
            await WarmCredentialLookupsAsync(stoppingToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _warmed, generation);
            await RefreshWhileRunningAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WarmPagesAsync(CancellationToken stoppingToken)
    {
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        List<(string, Func<Task>)> reads = [];
        foreach (var request in s_pageKpis)
        {
            var (name, query) = (request[..request.IndexOf('?', StringComparison.Ordinal)], request[request.IndexOf('?', StringComparison.Ordinal)..]);
            reads.Add(($"kpi {request}", async () => await WriteAsync(KpiJson.ToJson(await KpiEndpoints.ReadAsync(name, new QueryCollection(QueryHelpers.ParseQuery(query)), AccountScope.All, ResultReader.WarmUp, catalogs, cache, options, clock, stoppingToken).ConfigureAwait(false), includeSql: false), stoppingToken).ConfigureAwait(false)));
        }
        foreach (var name in s_insights)
        {
            reads.Add(($"insight {name}", async () => await WriteAsync(InsightJson.ToJson(await cache.InsightAsync(name, asOf, AccountScope.All, options.Configuration, stoppingToken, ResultReader.WarmUp).ConfigureAwait(false)), stoppingToken).ConfigureAwait(false)));
        }
        reads.Add(("customer list", () => cache.ListAsync(asOf, AccountScope.All, null, options.Configuration, stoppingToken, ResultReader.WarmUp)));
        await WarmPagesAsync(reads, stoppingToken).ConfigureAwait(false);
    }

    private async Task WarmPagesAsync(IReadOnlyList<(string What, Func<Task> Read)> reads, CancellationToken stoppingToken)
    {
        List<(string, Func<Task>)> failed = [];
        foreach (var (what, read) in reads)
        {
            if (!await WarmAsync(what, read, stoppingToken).ConfigureAwait(false))
            {
                failed.Add((what, read));
            }
        }
        _failedPages = failed;
    }

    // The answer written as the API writes it, to nowhere: the first visitor's request then finds the JSON writers compiled.
    private Task WriteAsync<T>(T answer, CancellationToken stoppingToken) => JsonSerializer.SerializeAsync(Stream.Null, answer, json.Value.SerializerOptions, stoppingToken);

    private async Task WarmRequestsAsync(CancellationToken stoppingToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Select(Loopback).FirstOrDefault(a => a is not null) is not { } address)
        {
            return;
        }
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        own.Apply(client);
        foreach (var path in s_firstRequests)
        {
            await WarmAsync($"GET {path}", async () => (await client.GetAsync(new Uri(path, UriKind.Relative), stoppingToken).ConfigureAwait(false)).Dispose(), stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task WarmAnswersAsync(CancellationToken stoppingToken)
    {
        var endpoints = services.GetService<EndpointDataSource>()?.Endpoints.OfType<RouteEndpoint>().ToList() ?? [];
        var analyst = new ClaimsPrincipal(new ClaimsIdentity([new Claim(UsageLensClaims.Role, "analyst")], "warm-up", null, UsageLensClaims.Role));
        foreach (var (pattern, name, query) in s_firstAnswers)
        {
            if (endpoints.FirstOrDefault(e => Matches(e, pattern)) is not { RequestDelegate: { } answer })
            {
                continue;
            }
            await WarmAsync($"answer {pattern}{query}", async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = analyst };
                http.Request.Method = HttpMethods.Get;
                http.Request.Path = pattern.Replace("{name}", name, StringComparison.Ordinal);
                http.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
                http.Request.RouteValues = new RouteValueDictionary { ["name"] = name };
                http.Response.Body = Stream.Null;
                await answer(http).ConfigureAwait(false);
                if (http.Response.StatusCode != StatusCodes.Status200OK)
                {
                    throw new InvalidOperationException($"answered {http.Response.StatusCode}");
                }
            }, stoppingToken).ConfigureAwait(false);
        }
    }

    // A visitor's first request looks its key up (a hash and a query) and a signed-in user's is checked against the
    // user table: both are looked up once for a key and a user that cannot exist (a random key; an address with a
    // reserved domain, RFC 2606), so that code is compiled without any credential. The key goes through the same
    // KeyVerifier as a request's, which remembers only keys that verified.
    private async Task WarmCredentialLookupsAsync(CancellationToken stoppingToken)
    {
        var unknownKey = "ul_" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await WarmAsync("key lookup", async () => _ = await services.GetRequiredService<KeyVerifier>().VerifyAsync(unknownKey, stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
        await WarmAsync("user lookup", async () => _ = await services.GetRequiredService<IUserStore>().FindAsync("warm-up@example.invalid", stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
    }

    private static bool Matches(RouteEndpoint endpoint, string pattern) =>
        string.Equals(endpoint.RoutePattern.RawText?.TrimEnd('/') + "/", pattern.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase)
        && endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true;

    // The server's own address as a loopback URL (a wildcard host becomes the loopback); null for HTTPS, whose
    // certificate may not name the loopback, and for anything that is not a URL.
    private static Uri? Loopback(string address)
    {
        var text = address.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://[::]:", "://[::1]:", StringComparison.Ordinal);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp ? uri : null;
    }

    // Whether it was done; a warm-up that fails leaves the first request to compute (and report) it.
    private async Task<bool> WarmAsync(string what, Func<Task> read, CancellationToken stoppingToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await read().ConfigureAwait(false);
            LogWarmed(what, watch.ElapsedMilliseconds);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // see above
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogFailed(what, error.Message);
            return false;
        }
    }

    private async Task RefreshWhileRunningAsync(CancellationToken stoppingToken)
    {
        var pause = new IngestionPause(Quiet, catalogs.Generation, clock.GetUtcNow());
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var generation = catalogs.Generation;
            // Refreshing between the commits of a running load would compete with it for the workspace: wait for a pause.
            if (!pause.LongEnough(generation, writer.QueueDepth > 0 || writer.UnmergedRecords > 0, clock.GetUtcNow()))
            {
                continue;
            }
            if (_failedPages.Count > 0 && generation != Interlocked.Read(ref _warmed))
            {
                await WarmPagesAsync(_failedPages, stoppingToken).ConfigureAwait(false);
            }
            var watch = Stopwatch.StartNew();
            var read = await cache.RefreshAsync(stoppingToken).ConfigureAwait(false);
            if (read > 0)
            {
                LogRefreshed(read, watch.ElapsedMilliseconds);
            }
            if (catalogs.Generation == generation)
            {
                Interlocked.Exchange(ref _warmed, generation);
            }
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        try
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{What}: done ahead for the dashboard in {Milliseconds} ms")]
    private partial void LogWarmed(string what, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What}: could not be done ahead for the dashboard: {Reason}")]
    private partial void LogFailed(string what, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} dashboard results read again after a commit or before they expire, in {Milliseconds} ms")]
    private partial void LogRefreshed(int count, long milliseconds);
}
