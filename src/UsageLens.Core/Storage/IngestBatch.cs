using UsageLens.Core.Accounts;
using UsageLens.Core.Events;

namespace UsageLens.Core.Storage;

/// <summary>Validated records that are stored together in one transaction, or not at all.</summary>
public sealed record IngestBatch(
    IReadOnlyList<UsageEvent> Events,
    IReadOnlyList<AccountUpsert> Accounts,
    IReadOnlyList<UserUpsert> Users)
{
    public static IngestBatch OfEvents(IReadOnlyList<UsageEvent> events) => new(events, [], []);

    public int Count => Events.Count + Accounts.Count + Users.Count;
}
