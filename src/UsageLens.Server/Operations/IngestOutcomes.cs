namespace UsageLens.Server.Operations;

/// <summary>The <c>outcome</c> label values of the ingestion counters.</summary>
internal static class IngestOutcomes
{
    public const string Accepted = "accepted";
    public const string Refused = "refused";
    public const string Unavailable = "unavailable";
}
