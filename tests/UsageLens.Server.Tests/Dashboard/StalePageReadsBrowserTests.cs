using System.Collections.Concurrent;
using Microsoft.Playwright;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Dashboard;

/// <summary>
/// Reads a page left behind are cancelled when the user moves on: a browser keeps six connections to a server, and
/// unanswered reads of the old page would otherwise hold them, queueing the next page (or a sign-out) behind them.
/// </summary>
public sealed class StalePageReadsBrowserTests
{
    [SkippableFact]
    public async Task Leaving_a_page_cancels_its_unanswered_reads_and_sign_out_still_goes_through()
    {
        DebianChromium.Require();
        await using var server = await PartnerDashboardWorkspace.StartAsync();
        Assertions.SetDefaultExpectTimeout(30000);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await DebianChromium.NewPageAtAsync(browser, FixedStartClock.BrowserTestNow);
        var pageErrors = new ConcurrentBag<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        var cancelled = new ConcurrentBag<string>();
        page.RequestFailed += (_, request) => cancelled.Add($"{request.Failure} {request.Url}");

        // The insights page's reads are held unanswered, as a slow server would hold them.
        var held = new ConcurrentBag<string>();
        await page.RouteAsync("**/api/v1/insights/**", route => { held.Add(route.Request.Url); return Task.CompletedTask; });
        await page.GotoAsync(new Uri(server.Address, $"/#key={server.AdminKey}").ToString());
        await Assertions.Expect(page.Locator("#tile-api-calls [data-role=value]")).ToHaveTextAsync("100");
        await page.GotoAsync(new Uri(server.Address, "/#/insights").ToString());
        await page.WaitForFunctionAsync("() => document.querySelector('#view h1')");
        await WaitUntilAsync(() => !held.IsEmpty);

        await page.GotoAsync(new Uri(server.Address, "/#/customers").ToString());
        await Assertions.Expect(page.Locator("#view table tbody tr")).ToHaveCountAsync(3);
        await WaitUntilAsync(() => held.All(url => cancelled.Any(c => c.EndsWith(url, StringComparison.Ordinal))));
        Assert.All(cancelled.Where(c => c.Contains("/api/v1/insights/", StringComparison.Ordinal)), c => Assert.StartsWith("net::ERR_ABORTED", c, StringComparison.Ordinal));

        await page.ClickAsync("text=Sign out");
        await SignInPage.ReachedAsync(page);
        Assert.Empty(pageErrors);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = TimeSpan.Zero; !condition(); waited += TimeSpan.FromMilliseconds(50))
        {
            Assert.True(waited < TimeSpan.FromSeconds(30), "the condition did not come true in 30 s");
            await Task.Delay(50);
        }
    }
}
