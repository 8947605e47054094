namespace UsageLens.Reliability;

/// <summary>How a crash run is driven: which engine, how many kills, within what time.</summary>
internal sealed record CrashOptions(string Engine, int Kills, TimeSpan TimeLimit, int Senders, int Seed, string? Cli)
{
    /// <summary>The most messages in one batch.</summary>
    public int MaxMessages { get; init; } = 40;

    /// <summary>How long a server runs, at most, after it acknowledges again, before it is killed (at a uniformly random moment).</summary>
    public TimeSpan MaxUptime { get; init; } = TimeSpan.FromMilliseconds(2500);
}
