namespace UsageLens.Server.Workspace;

/// <summary>
/// A result read ahead of time (the warm-up, a refresh), which gives way to visitors' reads until a visitor comes to
/// wait for this one: from then on it is a visitor's read, or under steady traffic that visitor would wait without end.
/// </summary>
internal sealed class ReadAhead
{
    private volatile bool _awaited;

    public bool IsAwaited => _awaited;

    public void Awaited() => _awaited = true;
}
