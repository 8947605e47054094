using UsageLens.Core.Accounts;
using UsageLens.Core.Storage;

namespace UsageLens.Ingest.Wire;

/// <summary>Everything one HTTP request carried, validated; any problem means nothing of it is stored.</summary>
public sealed record ParsedRequest(
    IReadOnlyList<ParsedEvent> Events,
    IReadOnlyList<AccountUpsert> Accounts,
    IReadOnlyList<UserUpsert> Users,
    IReadOnlyList<IngestProblem> Problems)
{
    public static ParsedRequest Refused(params IReadOnlyList<IngestProblem> problems) => new([], [], [], problems);

    public bool IsValid => Problems.Count == 0;

    /// <summary>The users whose stored account is needed to attribute some events.</summary>
    public IReadOnlyCollection<string> UsersNeedingAccount =>
        Events.Where(e => e.AccountOfUser is not null).Select(e => e.AccountOfUser!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Fills in accounts from <paramref name="storedAccounts"/>; events whose user has none become problems.</summary>
    public ParsedRequest ResolveAccounts(IReadOnlyDictionary<string, string> storedAccounts)
    {
        ArgumentNullException.ThrowIfNull(storedAccounts);
        var problems = new List<IngestProblem>();
        var events = new List<ParsedEvent>(Events.Count);
        foreach (var parsed in Events)
        {
            if (parsed.AccountOfUser is not { } user)
            {
                events.Add(parsed);
            }
            else if (storedAccounts.TryGetValue(user, out var account))
            {
                events.Add(parsed with { Event = parsed.Event with { AccountId = account }, AccountOfUser = null });
            }
            else
            {
                problems.Add(new IngestProblem(parsed.Index, "context.groupId",
                    $"no account: send context.groupId or properties.account_id, or group user '{user}' with an account first"));
            }
        }
        return this with { Events = events, Problems = [.. Problems, .. problems] };
    }

    public IngestBatch ToBatch() => new([.. Events.Select(e => e.Event)], Accounts, Users);
}
