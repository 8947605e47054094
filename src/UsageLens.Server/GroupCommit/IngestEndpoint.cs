namespace UsageLens.Server.GroupCommit;

/// <summary>Endpoint metadata of the ingestion endpoints: they write, so they never wait for merges to read.</summary>
internal sealed class IngestEndpoint
{
    public static readonly IngestEndpoint Instance = new();

    private IngestEndpoint()
    {
    }
}
