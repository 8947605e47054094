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
        await Assertions.Expect(page.Locator("#view .chart canvas").First).ToBeVisibleAsync(); // ECharts draws on a canvas
        Assert.DoesNotContain("key=", page.Url, StringComparison.Ordinal); // the key leaves the address bar
        Assert.Empty(failedResponses);
        Assert.Empty(consoleErrors);
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
