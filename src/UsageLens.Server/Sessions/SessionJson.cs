namespace UsageLens.Server.Sessions;

/// <summary>Who the caller is: <c>email</c> is null for an API key; <c>pii_masked</c> says whether people's e-mails and names are masked for it.</summary>
internal sealed record SessionJson(string? Email, string Role, string? PartnerId, bool PiiMasked);
