using System.Net;
using UglyToad.PdfPig;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Exports;

public sealed class PdfReportTests
{
    [Fact]
    public async Task The_overview_report_holds_the_usage_totals_and_top_accounts_of_the_fixture()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var text = await PdfTextAsync(server.ClientWithBearer(server.AnalystKey), "/api/v1/reports/overview.pdf?as_of=2026-10-08");

        // Usage in the 30 days before 8 October: 10 + 30 + 60 = 100 API calls by 3 accounts, none in the 30 before.
        Assert.Contains("Usage (api_call) 100 0", text, StringComparison.Ordinal);
        Assert.Contains("Active accounts 3 0", text, StringComparison.Ordinal);
        Assert.Contains("c - 60", text, StringComparison.Ordinal);
        Assert.Contains("healthy 3", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partners_reports_hold_only_its_accounts_and_totals()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var partner = server.ClientWithBearer((await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key);

        var overview = await PdfTextAsync(partner, "/api/v1/reports/overview.pdf?as_of=2026-10-08");
        var customer = await PdfTextAsync(partner, "/api/v1/accounts/b/report.pdf?as_of=2026-10-08");
        var other = await partner.GetAsync(new Uri("/api/v1/accounts/c/report.pdf?as_of=2026-10-08", UriKind.Relative));

        // a 10 + b 30 = 40; c's 60 and the workspace's 100 must not show.
        Assert.Contains("Usage (api_call) 40 0", overview, StringComparison.Ordinal);
        Assert.Contains("Active accounts 2 0", overview, StringComparison.Ordinal);
        Assert.Contains("partner p-north", overview, StringComparison.Ordinal);
        Assert.DoesNotContain(" 60 ", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("Active accounts 3", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("p-south", overview + customer, StringComparison.Ordinal);
        Assert.Contains("Usage, last 30 days 30", customer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private static async Task<string> PdfTextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        // Words joined by single spaces, page by page, so a table row reads as its cells in order.
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
