namespace UsageLens.Server.GroupCommit;

internal enum WriteStatus
{
    /// <summary>Durably committed (duplicates included, as they are already stored).</summary>
    Committed,

    /// <summary>Refused for this request alone, for example a unit conflicting with a stored meter.</summary>
    Refused,

    /// <summary>The commit failed or the server is stopping: nothing was stored, the client should retry.</summary>
    Unavailable,
}
