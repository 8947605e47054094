namespace UsageLens.Server.Authentication;

/// <summary>Authorization policies for endpoints: use with <c>RequireAuthorization(UsageLensPolicies.Query)</c>.</summary>
public static class UsageLensPolicies
{
    /// <summary>Sending data: writer and admin keys.</summary>
    public const string Ingest = "ingest";

    /// <summary>Reading KPIs: admin, analyst, viewer and partner callers (partners are limited to their partner's accounts).</summary>
    public const string Query = "query";

    /// <summary>Administration (alert rules and their delivery log): admin keys only.</summary>
    public const string Admin = "admin";
}
