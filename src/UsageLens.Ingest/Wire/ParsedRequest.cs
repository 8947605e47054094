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

    /// <summary>The field an event without an account is reported under, in the wire format's own words.</summary>
    public string AccountField { get; init; } = "context.groupId";

    /// <summary>How a client of the wire format names an event's account, for the no-account problem; <c>{user}</c> is the user's id.</summary>
    public string AccountAdvice { get; init; } = "send context.groupId or properties.account_id, or group user '{user}' with an account first";

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
                problems.Add(new IngestProblem(parsed.Index, AccountField,
                    "no account: " + AccountAdvice.Replace("{user}", user, StringComparison.Ordinal)));
            }
        }
        return this with { Events = events, Problems = [.. Problems, .. problems] };
    }

    public IngestBatch ToBatch() => new([.. Events.Select(e => e.Event)], Accounts, Users);
}
