using System.Buffers.Binary;
using System.Net;
using Microsoft.Playwright;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Dashboard;

/// <summary>The overview page in Debian's Chromium, driven by Playwright, against the real server.</summary>
public sealed class OverviewPageBrowserTests
{
    [SkippableFact]
    public async Task The_overview_shows_tiles_and_a_trend_from_ingested_events()
    {
        DebianChromium.Require();
        await using var server = await RunningServer.StartAsync(clock: new FixedStartClock(FixedStartClock.BrowserTestNow));
        // Two accounts; yesterday acme made 1,200 calls and globex 300 (top 20% by revenue = acme: 80.0%).
        var yesterday = "2026-11-14T10:00:00Z";
        var batch = $$"""
            {"batch": [
              {"type": "group", "messageId": "g1", "userId": "ua", "groupId": "acme", "traits": {"revenue": 9000}, "timestamp": "{{yesterday}}"},
              {"type": "group", "messageId": "g2", "userId": "ub", "groupId": "globex", "traits": {"revenue": 100}, "timestamp": "{{yesterday}}"},
              {"type": "track", "messageId": "t1", "userId": "ua", "event": "api_call", "properties": {"quantity": 1200}, "timestamp": "{{yesterday}}"},
              {"type": "track", "messageId": "t2", "userId": "ub", "event": "api_call", "properties": {"quantity": 300}, "timestamp": "{{yesterday}}"},
              {"type": "track", "messageId": "t3", "userId": "ub", "event": "login", "timestamp": "{{yesterday}}"}
            ]}
            """;
        Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync("/v1/batch", Json.Body(batch))).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await DebianChromium.NewPageAtAsync(browser, FixedStartClock.BrowserTestNow, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { consoleErrors.Add(message.Text); } };
        var failedResponses = new List<string>();
        page.Response += (_, response) => { if (response.Status >= 400) { failedResponses.Add($"{response.Status} {response.Url}"); } };

        await page.GotoAsync(new Uri(server.Address, $"/#key={server.AnalystKey}").ToString());

        var apiCalls = page.Locator("#tile-api-calls [data-role=value]");
        await Assertions.Expect(apiCalls).ToHaveTextAsync("1,500");
        await Assertions.Expect(page.Locator("#tile-top-share [data-role=value]")).ToContainTextAsync("80.0");
        await Assertions.Expect(page.Locator("#tile-active-accounts [data-role=value]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#tile-active-users [data-role=value]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#view .chart canvas").First).ToBeVisibleAsync(); // uPlot draws on a canvas
        Assert.DoesNotContain("key=", page.Url, StringComparison.Ordinal); // the key leaves the address bar
        Assert.Empty(failedResponses);
        Assert.Empty(consoleErrors);
    }

    [SkippableFact]
    public async Task A_bar_under_the_cursor_names_its_segment_and_value_and_the_overview_never_loads_echarts()
    {
        DebianChromium.Require();
        await using var server = await RunningServer.StartAsync(clock: new FixedStartClock(FixedStartClock.BrowserTestNow));
        // Yesterday acme (enterprise) made 1,200 calls and globex (smb) 300.
        var yesterday = "2026-11-14T10:00:00Z";
        var batch = $$"""
            {"batch": [
              {"type": "group", "messageId": "g1", "userId": "ua", "groupId": "acme", "traits": {"segment": "enterprise"}, "timestamp": "{{yesterday}}"},
              {"type": "group", "messageId": "g2", "userId": "ub", "groupId": "globex", "traits": {"segment": "smb"}, "timestamp": "{{yesterday}}"},
              {"type": "track", "messageId": "t1", "userId": "ua", "event": "api_call", "properties": {"quantity": 1200}, "timestamp": "{{yesterday}}"},
              {"type": "track", "messageId": "t2", "userId": "ub", "event": "api_call", "properties": {"quantity": 300}, "timestamp": "{{yesterday}}"}
            ]}
            """;
        Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync("/v1/batch", Json.Body(batch))).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await DebianChromium.NewPageAtAsync(browser, FixedStartClock.BrowserTestNow, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync(new Uri(server.Address, $"/#key={server.AnalystKey}").ToString());

        var chart = page.Locator("#chart-api-calls-by-segment");
        var plot = chart.Locator(".u-over"); // uPlot's plotting area, which takes the cursor
        await Assertions.Expect(plot).ToBeVisibleAsync();
        var area = await plot.BoundingBoxAsync() ?? throw new InvalidOperationException("the plot has no box");
        var legend = chart.Locator(".u-legend .u-series .u-value");
        // Two segments share the plot's width: enterprise's bar is centred a quarter of the way across, smb's at three quarters.
        await page.Mouse.MoveAsync(area.X + (area.Width * 0.25f), area.Y + area.Height - 4);
        await Assertions.Expect(legend.Nth(0)).ToHaveTextAsync("enterprise");
        await Assertions.Expect(legend.Nth(1)).ToHaveTextAsync("1,200");
        await page.Mouse.MoveAsync(area.X + (area.Width * 0.75f), area.Y + area.Height - 4);
        await Assertions.Expect(legend.Nth(0)).ToHaveTextAsync("smb");
        await Assertions.Expect(legend.Nth(1)).ToHaveTextAsync("300");

        // The PNG is the plot's own canvas, at its pixel size (one series: no names above it).
        var canvas = chart.Locator("canvas");
        var size = await canvas.EvaluateAsync<int[]>("c => [c.width, c.height]");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("button[data-png='api-calls-by-segment']"));
        var png = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(size, new[] { BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)) }); // IHDR width, height

        // The overview's line and bars are uPlot's (51 KB); ECharts (0.5 MB) is only for the retention heatmap.
        Assert.Contains(requested, url => url.Contains("/vendor/uplot/", StringComparison.Ordinal));
        Assert.DoesNotContain(requested, url => url.Contains("/vendor/echarts/", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Without_a_key_the_page_asks_for_one()
    {
        DebianChromium.Require();
        await using var server = await RunningServer.StartAsync(clock: new FixedStartClock(FixedStartClock.BrowserTestNow));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await DebianChromium.NewPageAtAsync(browser, FixedStartClock.BrowserTestNow);

        await page.GotoAsync(server.Address.ToString());

        await Assertions.Expect(page.Locator("#key-form")).ToBeVisibleAsync();
    }
}
