using System.Globalization;
using Microsoft.Playwright;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;
using Xunit.Abstractions;

namespace UsageLens.Server.Tests.Dashboard;

/// <summary>
/// Every page of the dashboard in Debian's Chromium, for an admin key and a partner key on
/// <see cref="PartnerDashboardWorkspace"/>: no console error, no failed response, the numbers the
/// fixture gives by hand (or the KPI API gives for the same parameters), and nothing of the other
/// partner's accounts on a partner's page. A screenshot of each page is kept under TestResults/screenshots.
/// </summary>
public sealed class DashboardPagesBrowserTests(ITestOutputHelper output)
{
    // The explorer's view of API calls by partner over the last 30 days, totals only, as a table.
    private const string ExplorerByPartner = "explore?kpi=usage&metric=api_call&period=last-30-days&grain=total&group_by=partner_id&view=table";

    [SkippableFact]
    public async Task An_admin_sees_every_accounts_numbers_on_every_page()
    {
        DebianChromium.Require();
        await using var server = await PartnerDashboardWorkspace.StartAsync();
        await using var session = await BrowserSessionAsync(server, server.AdminKey);

        await session.OpenAsync("overview");
        // 10 + 30 + 60 calls; the top 20% of 3 accounts by revenue is c alone: 60 of 100.
        await Assertions.Expect(session.Page.Locator("#tile-api-calls [data-role=value]")).ToHaveTextAsync("100");
        await Assertions.Expect(session.Page.Locator("#tile-active-accounts [data-role=value]")).ToHaveTextAsync("3");
        await Assertions.Expect(session.Page.Locator("#tile-active-users [data-role=value]")).ToHaveTextAsync("3");
        await Assertions.Expect(session.Page.Locator("#tile-top-share [data-role=value]")).ToHaveTextAsync("60.0%");
        await Assertions.Expect(session.Page.Locator("#view .chart canvas").First).ToBeVisibleAsync();

        await session.OpenAsync(ExplorerByPartner);
        await Assertions.Expect(session.Page.Locator(".explorer-result table tbody tr")).ToHaveTextAsync(["p-north40", "p-south60"]);
        await Assertions.Expect(session.Page.Locator(".headline [data-role=value]")).ToHaveTextAsync(await KpiValueAsync(server, server.AdminKey));

        await session.OpenAsync("customers");
        await Assertions.Expect(session.Page.Locator("#view table tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(session.Page.Locator("#customer-count")).ToContainTextAsync("3 accounts");

        await session.OpenAsync("customers/c");
        await Assertions.Expect(session.Page.Locator("[data-fact=usage_30d]")).ToHaveTextAsync("60");

        await session.OpenAsync("engagement");
        // Accounts using export: b and c of the 3 active, 66.7%.
        await Assertions.Expect(session.Page.Locator("#chart-feature-adoption ~ details tbody tr", new() { HasText = "export" })).ToContainTextAsync("66.7%");

        await session.OpenAsync("revenue");
        await session.OpenAsync("insights");
        await Assertions.Expect(session.Page.Locator("#h-alerts")).ToBeVisibleAsync(); // admins see the alert rules
        await Assertions.Expect(session.Page.Locator(".reports-list tbody tr")).ToHaveCountAsync(2); // and every scheduled report

        await session.OpenAsync("ask?q=api%20calls%20last%2030%20days");
        await Assertions.Expect(session.Page.Locator("#ask-numbers strong")).ToHaveTextAsync("100");

        session.AssertClean();
    }

    [SkippableFact]
    public async Task A_partner_sees_only_its_own_accounts_on_every_page()
    {
        DebianChromium.Require();
        await using var server = await PartnerDashboardWorkspace.StartAsync();
        var partnerKey = (await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, PartnerDashboardWorkspace.NorthPartner, default)).Key;
        await using var session = await BrowserSessionAsync(server, partnerKey);

        await session.OpenAsync("overview");
        // a and b only: 10 + 30 calls; the top 20% of 2 accounts by revenue is b: 30 of 40.
        await Assertions.Expect(session.Page.Locator("#tile-api-calls [data-role=value]")).ToHaveTextAsync("40");
        await Assertions.Expect(session.Page.Locator("#tile-active-accounts [data-role=value]")).ToHaveTextAsync("2");
        await Assertions.Expect(session.Page.Locator("#tile-active-users [data-role=value]")).ToHaveTextAsync("2");
        await Assertions.Expect(session.Page.Locator("#tile-top-share [data-role=value]")).ToHaveTextAsync("75.0%");

        await session.OpenAsync(ExplorerByPartner);
        await Assertions.Expect(session.Page.Locator(".explorer-result table tbody tr")).ToHaveTextAsync(["p-north40"]);
        await Assertions.Expect(session.Page.Locator(".headline [data-role=value]")).ToHaveTextAsync(await KpiValueAsync(server, partnerKey));

        await session.OpenAsync("customers");
        await Assertions.Expect(session.Page.Locator("#view table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(session.Page.Locator("#customer-count")).ToContainTextAsync("2 accounts");

        await session.OpenAsync("customers/a");
        await Assertions.Expect(session.Page.Locator("[data-fact=usage_30d]")).ToHaveTextAsync("10");

        await session.OpenAsync("engagement");
        // Accounts using export: b of the 2 active, 50.0%.
        await Assertions.Expect(session.Page.Locator("#chart-feature-adoption ~ details tbody tr", new() { HasText = "export" })).ToContainTextAsync("50.0%");

        await session.OpenAsync("revenue");
        await session.OpenAsync("insights");
        await Assertions.Expect(session.Page.Locator("#h-alerts")).ToHaveCountAsync(0);
        await Assertions.Expect(session.Page.Locator(".reports-list tbody tr th")).ToHaveTextAsync(["north-weekly"]); // its own scheduled report only

        await session.OpenAsync("ask?q=api%20calls%20last%2030%20days");
        await Assertions.Expect(session.Page.Locator("#ask-numbers strong")).ToHaveTextAsync("40");

        session.AssertClean();
        Assert.All(session.Texts, page => Assert.DoesNotContain("p-south", page.Text, StringComparison.Ordinal));
        Assert.All(session.Texts, page => Assert.DoesNotContain("#/customers/c", page.Html, StringComparison.Ordinal));
    }

    // The headline of the explorer view as the KPI API computes it for the same key and parameters.
    private static async Task<string> KpiValueAsync(RunningServer server, string key)
    {
        var response = await server.ClientWithBearer(key).GetAsync(new Uri("/api/v1/kpi/usage?metric=api_call&period=last-30-days&group-by=partner_id", UriKind.Relative));
        var value = (await Json.ReadAsync(response)).GetProperty("value").GetDouble();
        return value.ToString("#,0", CultureInfo.InvariantCulture); // the page writes en-US digits: the same separators
    }

    private async Task<DashboardBrowserSession> BrowserSessionAsync(RunningServer server, string key, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", test);
        output.WriteLine($"screenshots: {folder}");
        return await DashboardBrowserSession.StartAsync(server, key, folder);
    }
}
