using UsageLens.Core.Events;

namespace UsageLens.Ingest.Wire;

/// <summary>
/// A validated event and the index of the message it came from. When <paramref name="AccountOfUser"/>
/// is set, the message named no account and the event takes the account that user was last grouped
/// with in the store; until resolved its <see cref="UsageEvent.AccountId"/> is empty.
/// </summary>
public sealed record ParsedEvent(int Index, UsageEvent Event, string? AccountOfUser = null);
