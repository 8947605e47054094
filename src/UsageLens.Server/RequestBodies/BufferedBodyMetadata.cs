namespace UsageLens.Server.RequestBodies;

/// <summary>
/// Endpoint metadata: buffer this endpoint's body, with the batch limit when <paramref name="IsBatch"/>
/// says the request is a batch and the per-call limit otherwise.
/// </summary>
internal sealed record BufferedBodyMetadata(Func<HttpRequest, bool> IsBatch);
