using Microsoft.Playwright;

namespace UsageLens.Server.Tests.Support;

/// <summary>
/// One browser tab on the dashboard, signed in with an API key through <c>/#key=...</c>: opens pages by
/// their route, waits until nothing is busy, keeps a full-page screenshot and the text of each, and
/// records every console error and failed response on the way.
/// </summary>
internal sealed class DashboardBrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly RunningServer _server;
    private readonly string _screenshots;
    private readonly List<string> _problems = [];

    private DashboardBrowserSession(IPlaywright playwright, IBrowser browser, IPage page, RunningServer server, string screenshots)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        _server = server;
        _screenshots = screenshots;
        page.Console += (_, message) => { if (message.Type == "error") { _problems.Add($"console: {message.Text}"); } };
        page.PageError += (_, error) => _problems.Add($"page error: {error}");
        page.Response += (_, response) => { if (response.Status >= 400) { _problems.Add($"{response.Status} {response.Url}"); } };
    }

    public IPage Page { get; }

    /// <summary>Each opened page's route, visible text and HTML.</summary>
    public List<(string Route, string Text, string Html)> Texts { get; } = [];

    public static async Task<DashboardBrowserSession> StartAsync(RunningServer server, string key, string screenshots)
    {
        Directory.CreateDirectory(screenshots);
        // Insights and engagement KPIs take seconds on a busy CI machine; Playwright's 5 s default is for a quiet one.
        Assertions.SetDefaultExpectTimeout(30000);
        var playwright = await Playwright.CreateAsync();
        var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await DebianChromium.NewPageAtAsync(browser, FixedStartClock.BrowserTestNow, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var session = new DashboardBrowserSession(playwright, browser, page, server, screenshots);
        await page.GotoAsync(new Uri(server.Address, $"/#key={key}").ToString());
        await session.SettleAsync();
        return session;
    }

    /// <summary>Opens <c>#/route</c>, waits for its heading and for every part to finish loading, and keeps a screenshot.</summary>
    public async Task OpenAsync(string route)
    {
        await Page.GotoAsync(new Uri(_server.Address, $"/#/{route}").ToString());
        await SettleAsync();
        var name = new string([.. route.Split('?')[0].Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"{name}.png"), FullPage = true });
        Texts.Add((route, await Page.InnerTextAsync("#view"), await Page.InnerHTMLAsync("#view")));
    }

    public void AssertClean() => Assert.True(_problems.Count == 0, string.Join("\n", _problems));

    private async Task SettleAsync()
    {
        await Assertions.Expect(Page.Locator("#view h1")).ToBeVisibleAsync();
        await Page.WaitForFunctionAsync("() => !document.querySelector('[aria-busy=\"true\"]')", null, new PageWaitForFunctionOptions { Timeout = 30000 });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
