namespace UsageLens.Core.Keys;

/// <summary>
/// What a key or a signed-in user may do: writers only ingest; admins ingest, query and administer; analysts,
/// viewers and partners only query. Viewers read everything analysts read but see people's e-mails and names
/// masked; partners read only their partner's accounts, also masked.
/// </summary>
public enum ApiKeyRole
{
    Admin,
    Analyst,
    Partner,
    Writer,
    Viewer,
}
