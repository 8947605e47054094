using System.Globalization;
using UsageLens.Core;

namespace UsageLens.Insights.Customers;

/// <summary>
/// How the customer list is searched, sorted and paged: the one place that does it, for the HTTP API, its CSV and
/// the CLI. Search matches the account id or name, ignoring case; accounts without a value of the sort field come
/// last in either order, and ties are broken by account id.
/// </summary>
public sealed record AccountListQuery
{
    public const int MaxPageSize = 500;

    private static readonly Dictionary<string, Func<AccountListRow, IComparable?>> s_fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = r => r.Name ?? r.AccountId,
        ["mrr"] = r => r.Mrr,
        ["usage"] = r => r.Usage30d,
        ["trend"] = r => r.UsageTrendPct,
        ["health"] = r => r.HealthScore,
        ["churn_risk"] = r => r.ChurnRisk,
        ["partner"] = r => r.PartnerId,
    };

    // Names compare by ordinal ignoring case, so the order does not depend on the server's culture.
    private static readonly Comparer<IComparable?> s_order = Comparer<IComparable?>.Create((a, b) =>
        a is string x && b is string y ? StringComparer.OrdinalIgnoreCase.Compare(x, y) : Comparer<IComparable?>.Default.Compare(a, b));

    /// <summary>The sort fields, as <c>sort=</c> takes them.</summary>
    public static IReadOnlyList<string> SortFields { get; } = [.. s_fields.Keys];

    public string? Search { get; init; }

    public string Sort { get; init; } = "name";

    public bool Descending { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;

    /// <summary>Reads the query parameters' strings, refusing unknown sort fields and orders and out-of-range pages by name.</summary>
    public static AccountListQuery Parse(string? search, string? sort, string? order, string? page, string? pageSize)
    {
        if (sort is not null && !s_fields.ContainsKey(sort))
        {
            throw new UsageLensException($"sort: unknown field '{sort}'; sort by {string.Join(", ", SortFields)}");
        }
        var descending = order?.ToLowerInvariant() switch
        {
            null or "asc" => false,
            "desc" => true,
            _ => throw new UsageLensException($"order: '{order}' must be asc or desc"),
        };
        return new AccountListQuery
        {
            Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            Sort = sort?.ToLowerInvariant() ?? "name",
            Descending = descending,
            Page = Whole("page", page, 1, 1, int.MaxValue),
            PageSize = Whole("page_size", pageSize, 50, 1, MaxPageSize),
        };
    }

    /// <summary>The matching accounts, sorted, without paging (what a CSV export writes).</summary>
    public IReadOnlyList<AccountListRow> Matching(AccountList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var key = s_fields[Sort];
        var found = list.Rows.Where(Matches).ToList();
        var known = found.Where(r => key(r) is not null);
        var sorted = Descending ? known.OrderByDescending(key, s_order) : known.OrderBy(key, s_order);
        return [.. sorted.ThenBy(r => r.AccountId, StringComparer.Ordinal), .. found.Where(r => key(r) is null).OrderBy(r => r.AccountId, StringComparer.Ordinal)];
    }

    /// <summary>The page asked for of the matching accounts; a page past the last is empty.</summary>
    public AccountListPage Apply(AccountList list)
    {
        var matching = Matching(list);
        return new AccountListPage
        {
            AsOf = KpiSeries.Day(list.AsOf),
            Total = matching.Count,
            Page = Page,
            PageSize = PageSize,
            Accounts = [.. matching.Skip((int)Math.Min(int.MaxValue, (long)(Page - 1) * PageSize)).Take(PageSize)],
        };
    }

    private bool Matches(AccountListRow row) =>
        Search is null
        || row.AccountId.Contains(Search, StringComparison.OrdinalIgnoreCase)
        || (row.Name?.Contains(Search, StringComparison.OrdinalIgnoreCase) ?? false);

    private static int Whole(string name, string? text, int fallback, int min, int max)
    {
        if (text is null)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageLensException($"{name}: '{text}' must be a whole number from {min} to {max}");
    }
}
