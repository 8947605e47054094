namespace UsageLens.Ingest.Files;

/// <summary>What a file holds: one of the canonical file schemas.</summary>
public enum ImportKind
{
    Events,
    Accounts,
    Users,
    Subscriptions,
    Nps,
}
