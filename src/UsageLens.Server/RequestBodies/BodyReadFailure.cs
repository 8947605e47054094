namespace UsageLens.Server.RequestBodies;

/// <summary>Why a body could not be read: the status to answer and a message for the client.</summary>
internal sealed record BodyReadFailure(int StatusCode, string Error);
