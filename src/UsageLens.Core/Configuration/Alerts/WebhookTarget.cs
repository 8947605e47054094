namespace UsageLens.Core.Configuration.Alerts;

/// <summary>A webhook a rule's firings are posted to, and the secret their HMAC-SHA256 signature is made with.</summary>
/// <param name="Name">How the delivery log names it (<c>name</c>, else the URL's host and port), so the URL's path, which may hold a token, is never logged.</param>
/// <param name="Url">An absolute http or https URL.</param>
/// <param name="Secret">The shared secret that signs each body.</param>
public sealed record WebhookTarget(string Name, Uri Url, string Secret);
