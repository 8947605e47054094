using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace UsageLens.Server.Tests.Support;

/// <summary>The stand-alone sign-in page, as a browser reaches it after signing out.</summary>
internal static partial class SignInPage
{
    /// <summary>
    /// Waits until the browser is at <c>/login</c>, its module script has run (the document is past loading) and its
    /// form can be used. Not <c>WaitForURLAsync</c>: that also waits for the window's load event, and in two runs (one in CI) it
    /// timed out there with the URL already matched and the network idle.
    /// </summary>
    public static async Task ReachedAsync(IPage page)
    {
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'");
        await Assertions.Expect(page.Locator("#sign-in-button")).ToBeEnabledAsync();
    }

    [GeneratedRegex("/login$")]
    private static partial Regex LoginUrl();
}
