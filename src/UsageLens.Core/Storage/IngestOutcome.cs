namespace UsageLens.Core.Storage;

/// <summary>What a committed batch changed: events newly stored and events skipped as already seen.</summary>
public sealed record IngestOutcome(long EventsStored, long DuplicateEvents, long AccountsUpserted, long UsersUpserted);
