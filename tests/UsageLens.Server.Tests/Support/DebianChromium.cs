using Microsoft.Playwright;

namespace UsageLens.Server.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright, as the browser tests use it: no browser download, and a
/// missing Chromium skips the test on a developer machine but fails it under CI=true.
/// </summary>
internal static class DebianChromium
{
    private const string Path = "/usr/bin/chromium";

    public static void Require()
    {
        if (File.Exists(Path))
        {
            return;
        }
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"{Path} is missing and CI=true: the browser tests must run in CI; apt-get install chromium");
        }
        Skip.If(true, $"{Path} is missing; run: apt-get install chromium");
    }

    /// <summary>A page whose JavaScript clock (<c>Date.now()</c>, <c>new Date()</c>) reads <paramref name="now"/>, as the server's clock does.</summary>
    public static async Task<IPage> NewPageAtAsync(IBrowser browser, DateTimeOffset now, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        await context.Clock.SetFixedTimeAsync(now.UtcDateTime);
        return await context.NewPageAsync();
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Path,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
}
