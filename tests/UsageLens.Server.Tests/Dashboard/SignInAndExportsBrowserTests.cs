using System.Text;
using Microsoft.Playwright;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;
using UglyToad.PdfPig;

namespace UsageLens.Server.Tests.Dashboard;

/// <summary>
/// A partner's person signs in on the login page (a cookie session, no key in the address) and clicks the exports the
/// way a user does: the customer list's CSV, a customer 360's PDF and a chart's PNG. Each file is read back and holds
/// only that partner's accounts, with the figures of <see cref="PartnerDashboardWorkspace"/>.
/// </summary>
public sealed class SignInAndExportsBrowserTests
{
    private const string Email = "north@partner.test";
    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task A_partner_user_signs_in_and_downloads_only_its_own_accounts()
    {
        DebianChromium.Require();
        await using var server = await PartnerDashboardWorkspace.StartAsync();
        await server.Store.Users.CreateAsync(Email, Password, ApiKeyRole.Partner, PartnerDashboardWorkspace.NorthPartner, default);
        Assertions.SetDefaultExpectTimeout(30000);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await DebianChromium.NewPageAtAsync(browser, FixedStartClock.BrowserTestNow, new BrowserNewContextOptions { AcceptDownloads = true });

        await page.GotoAsync(new Uri(server.Address, "/login").ToString());
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-button");
        // a and b only: 10 + 30 calls.
        await Assertions.Expect(page.Locator("#tile-api-calls [data-role=value]")).ToHaveTextAsync("40");
        Assert.DoesNotContain("key=", page.Url, StringComparison.Ordinal);

        await page.GotoAsync(new Uri(server.Address, "/#/customers").ToString());
        await Assertions.Expect(page.Locator("#view table tbody tr")).ToHaveCountAsync(2);
        var csv = await DownloadAsync(page, "[data-export='accounts.csv']");
        var accounts = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[0].Trim('"')).Order(StringComparer.Ordinal);
        Assert.Equal(["a", "b"], accounts);

        await page.GotoAsync(new Uri(server.Address, "/#/customers/b").ToString());
        await Assertions.Expect(page.Locator("[data-fact=usage_30d]")).ToHaveTextAsync("30");
        var pdf = await DownloadBytesAsync(page, "[data-export='b.pdf']");
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            Assert.Contains("b", text, StringComparison.Ordinal);
            Assert.DoesNotContain("p-south", text, StringComparison.Ordinal);
        }

        await page.GotoAsync(new Uri(server.Address, "/#/overview").ToString());
        await Assertions.Expect(page.Locator("#view .chart canvas").First).ToBeVisibleAsync();
        var png = await DownloadBytesAsync(page, "button[data-png]");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        await page.ClickAsync("text=Sign out");
        await SignInPage.ReachedAsync(page);
        var after = await page.Context.APIRequest.GetAsync(new Uri(server.Address, "/api/v1/accounts").ToString());
        Assert.Equal(401, after.Status);
    }

    private static async Task<string> DownloadAsync(IPage page, string selector) =>
        Encoding.UTF8.GetString(await DownloadBytesAsync(page, selector));

    private static async Task<byte[]> DownloadBytesAsync(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(selector).First.ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }
}
