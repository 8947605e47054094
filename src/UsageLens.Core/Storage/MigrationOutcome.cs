namespace UsageLens.Core.Storage;

/// <summary>What a copy did: rows per table in the target once it finished, and events it found already there.</summary>
public sealed record MigrationOutcome(IReadOnlyDictionary<string, long> Rows, long EventsAlreadyPresent, bool Resumed);
