namespace UsageLens.Ingest.Wire;

/// <summary>What a wire format says about an event before its properties are read: which, when, whose and what.</summary>
internal sealed record EventIdentity(string Id, DateTime Time, string? Account, string? User, string Name);
