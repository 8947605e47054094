namespace UsageLens.Core.Keys;

/// <summary>What a key may do: writers only ingest; admins ingest and query; analysts and partners only query.</summary>
public enum ApiKeyRole
{
    Admin,
    Analyst,
    Partner,
    Writer,
}
