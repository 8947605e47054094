using UsageLens.Insights.Health;

namespace UsageLens.Insights.Customers;

/// <summary>
/// Every account a scope may see as of a day, with its figures (<see cref="AccountListRow"/>), in account-id
/// order; read at once for all accounts by <see cref="AccountListReader"/> and then searched, sorted and paged
/// by <see cref="AccountListQuery"/>. Keeps the health components and churn bands the customer 360 shows.
/// </summary>
public sealed class AccountList
{
    internal AccountList(DateOnly asOf, Core.Semantics.AccountScope scope, string? metric, IReadOnlyList<AccountListRow> rows, IReadOnlyDictionary<string, HealthScore> health, IReadOnlyDictionary<string, InsightFinding> churn)
    {
        AsOf = asOf;
        Scope = scope;
        Metric = metric;
        Rows = rows;
        Health = health;
        Churn = churn;
        _byId = rows.ToDictionary(r => r.AccountId, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, AccountListRow> _byId;

    /// <summary>The day the figures are as of; only data before it was read.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The accounts the list was read for.</summary>
    public Core.Semantics.AccountScope Scope { get; }

    /// <summary>The usage metric of <c>usage_30d</c>, or null when the workspace has no metered event.</summary>
    public string? Metric { get; }

    /// <summary>Every account in scope, by account id.</summary>
    public IReadOnlyList<AccountListRow> Rows { get; }

    internal IReadOnlyDictionary<string, HealthScore> Health { get; }

    internal IReadOnlyDictionary<string, InsightFinding> Churn { get; }

    /// <summary>The account's row, or null when it is unknown or outside the scope the list was read with.</summary>
    public AccountListRow? Find(string accountId) => _byId.GetValueOrDefault(accountId);
}
