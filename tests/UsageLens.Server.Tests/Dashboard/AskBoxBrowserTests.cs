using System.Net;
using Microsoft.Playwright;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Dashboard;

/// <summary>The dashboard's Ask box in Debian's Chromium, driven by Playwright, against the real server.</summary>
public sealed class AskBoxBrowserTests
{
    [SkippableFact]
    public async Task A_question_shows_its_interpretation_numbers_chart_and_sql()
    {
        DebianChromium.Require();
        await using var server = await StartWithCallsAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await DebianChromium.NewPageAtAsync(browser, FixedStartClock.BrowserTestNow, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { consoleErrors.Add(message.Text); } };
        await OpenAskPageAsync(page, server);

        await page.FillAsync("#ask-input", "api calls yesterday");
        await page.ClickAsync("#ask-form button");

        // The clocks say 2026-11-15, so "yesterday" is the 14th.
        await Assertions.Expect(page.Locator("#ask-interpretation")).ToHaveTextAsync("api_call · sum · 2026-11-14 to 2026-11-15 · all accounts");
        await Assertions.Expect(page.Locator("#ask-numbers strong")).ToHaveTextAsync("1,500");
        await Assertions.Expect(page.Locator("#ask-chart")).ToHaveAttributeAsync("data-chart", "number");
        Assert.Contains("SELECT", await page.Locator("#ask-sql").TextContentAsync() ?? "", StringComparison.Ordinal);

        await page.FillAsync("#ask-input", "top 2 customers by api calls yesterday");
        await page.ClickAsync("#ask-form button");

        await Assertions.Expect(page.Locator("#ask-chart")).ToHaveAttributeAsync("data-chart", "table");
        await Assertions.Expect(page.Locator("#ask-chart table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#ask-chart table tbody tr").First).ToContainTextAsync("acme");

        await page.FillAsync("#ask-input", "api calls by day last 7 days");
        await page.ClickAsync("#ask-form button");

        await Assertions.Expect(page.Locator("#ask-chart")).ToHaveAttributeAsync("data-chart", "line");
        await Assertions.Expect(page.Locator("#ask-chart canvas").First).ToBeVisibleAsync(); // uPlot draws on a canvas
        Assert.Empty(consoleErrors);
    }

    [SkippableFact]
    public async Task An_unknown_word_shows_the_error_with_suggestions()
    {
        DebianChromium.Require();
        await using var server = await StartWithCallsAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await DebianChromium.NewPageAtAsync(browser, FixedStartClock.BrowserTestNow);
        await OpenAskPageAsync(page, server);

        await page.FillAsync("#ask-input", "cals last month");
        await page.ClickAsync("#ask-form button");

        await Assertions.Expect(page.Locator("#ask-error")).ToContainTextAsync("unknown term 'cals'");
        await Assertions.Expect(page.Locator("#ask-error")).ToContainTextAsync("did you mean api_call?");
    }

    [SkippableFact]
    public async Task An_anomaly_question_shows_its_summary_and_a_table_of_findings()
    {
        DebianChromium.Require();
        await using var server = await RunningServer.StartAsync(clock: new FixedStartClock(FixedStartClock.BrowserTestNow));
        // acme made 100 calls a day from 16 September to 14 November, except 1,000 on 10 November: the
        // level is 100, the spread its 10% floor (10), so the spike scores (1,000 − 100) / 10 = 90.
        // A login too: the overview tiles read logins.
        var events = new List<string>
        {
            """{"type": "group", "messageId": "g1", "userId": "ua", "groupId": "acme", "timestamp": "2026-09-16T09:00:00Z"}""",
            """{"type": "track", "messageId": "l1", "userId": "ua", "event": "login", "timestamp": "2026-11-14T09:00:00Z"}""",
        };
        for (var day = new DateOnly(2026, 9, 16); day < new DateOnly(2026, 11, 15); day = day.AddDays(1))
        {
            var calls = day == new DateOnly(2026, 11, 10) ? 1000 : 100;
            events.Add($$"""{"type": "track", "messageId": "t{{day:yyyyMMdd}}", "userId": "ua", "event": "api_call", "properties": {"quantity": {{calls}}}, "timestamp": "{{day:yyyy-MM-dd}}T10:00:00Z"}""");
        }
        Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync("/v1/batch", Json.Body($$"""{"batch": [{{string.Join(",", events)}}]}"""))).StatusCode);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await DebianChromium.NewPageAtAsync(browser, FixedStartClock.BrowserTestNow);
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { consoleErrors.Add(message.Text); } };
        await OpenAskPageAsync(page, server);

        await page.FillAsync("#ask-input", "any unusual spikes in api calls?");
        await page.ClickAsync("#ask-form button");

        await Assertions.Expect(page.Locator("#ask-chart")).ToHaveAttributeAsync("data-chart", "findings");
        await Assertions.Expect(page.Locator("#ask-numbers strong")).ToHaveTextAsync("1 findings");
        var cells = page.Locator("#ask-chart table tbody tr > :is(th, td)");
        await Assertions.Expect(cells).ToHaveCountAsync(4);
        Assert.Equal("acme", await cells.Nth(0).TextContentAsync());
        Assert.Equal("anomaly", await cells.Nth(1).TextContentAsync());
        Assert.Equal("90.0", await cells.Nth(2).TextContentAsync());
        Assert.StartsWith("api_call on 2026-11-10 was 1,000 where 100 was expected", await cells.Nth(3).TextContentAsync(), StringComparison.Ordinal);
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    // The key goes in the fragment (the app moves it to session storage), then the Ask page is opened from the navigation.
    private static async Task OpenAskPageAsync(IPage page, RunningServer server)
    {
        await page.GotoAsync(new Uri(server.Address, $"/#key={server.AnalystKey}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#ask-input")).ToBeVisibleAsync();
    }

    // Yesterday (the clocks say 2026-11-15) acme made 1,200 calls and globex 300: 1,500 in all; globex also logged in (the overview tiles read logins).
    private static async Task<RunningServer> StartWithCallsAsync()
    {
        var server = await RunningServer.StartAsync(clock: new FixedStartClock(FixedStartClock.BrowserTestNow));
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
        return server;
    }
}
