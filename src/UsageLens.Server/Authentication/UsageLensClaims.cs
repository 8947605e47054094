namespace UsageLens.Server.Authentication;

/// <summary>Claim types set on every request authenticated with an API key.</summary>
public static class UsageLensClaims
{
    /// <summary>The key's role: <c>admin</c>, <c>analyst</c>, <c>viewer</c>, <c>partner</c> or <c>writer</c>.</summary>
    public const string Role = "usagelens:role";

    /// <summary>The partner a <c>partner</c> key is restricted to; absent for other roles.</summary>
    public const string PartnerId = "usagelens:partner_id";

    /// <summary>The e-mail of a signed-in dashboard user; absent for API keys.</summary>
    public const string Email = "usagelens:email";

    /// <summary>Present (<c>true</c>) when people's e-mails and names are masked for the caller.</summary>
    public const string PiiMasked = "usagelens:pii_masked";

    /// <summary>One user trait that is personal data, for a masked caller (one claim per trait).</summary>
    public const string PiiTrait = "usagelens:pii_trait";

    /// <summary>The key's public prefix, which identifies it in logs and rate limits.</summary>
    public const string KeyPrefix = "usagelens:key_prefix";
}
