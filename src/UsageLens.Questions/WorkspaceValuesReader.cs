using UsageLens.Core.Sql;
using UsageLens.Core.Storage;

namespace UsageLens.Questions;

/// <summary>Reads the nameable values with planned queries, so any <see cref="IQueryStore"/> (DuckDB, ClickHouse) serves them.</summary>
public static class WorkspaceValuesReader
{
    // The account columns whose values people type; a column with more values than this is an identifier, not a category.
    private static readonly string[] s_columns = ["segment", "region", "plan"];
    private const int MaxValues = 500;

    // A trait with more values than this is a free-text field (a domain, a name), not a category to filter by.
    private const int MaxTraitValues = 50;

    // Accounts are named in questions by their CRM name; beyond this many the names are not read (the ids still work through filters).
    private const int MaxAccounts = 20000;

    private const int MaxUsers = 50000;

    public static async Task<WorkspaceValues> ReadAsync(IQueryStore store, CancellationToken cancellationToken, IEnumerable<string>? accountTraits = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var column in s_columns)
        {
            values[column] = Texts(await store.QueryAsync(Distinct(column), cancellationToken).ConfigureAwait(false));
        }
        foreach (var key in accountTraits ?? [])
        {
            var traitValues = Texts(await store.QueryAsync(DistinctTrait(key), cancellationToken).ConfigureAwait(false));
            if (traitValues.Count <= MaxTraitValues)
            {
                values[$"account.{key}"] = traitValues;
            }
        }
        var partnerRows = await store.QueryAsync(PartnerNames(), cancellationToken).ConfigureAwait(false);
        var partners = partnerRows
            .Select(r => (Id: Convert.ToString(r["partner_id"], System.Globalization.CultureInfo.InvariantCulture)!, Name: Convert.ToString(r["name"], System.Globalization.CultureInfo.InvariantCulture) ?? ""))
            .ToList();
        var accountRows = await store.QueryAsync(AccountNames(), cancellationToken).ConfigureAwait(false);
        var accounts = accountRows
            .Select(r => (Id: Convert.ToString(r["account_id"], System.Globalization.CultureInfo.InvariantCulture)!, Name: Convert.ToString(r["name"], System.Globalization.CultureInfo.InvariantCulture) ?? ""))
            .ToList();
        var owners = accountRows
            .Where(r => r["partner_id"] is not null)
            .ToDictionary(r => Convert.ToString(r["account_id"], System.Globalization.CultureInfo.InvariantCulture)!, r => Convert.ToString(r["partner_id"], System.Globalization.CultureInfo.InvariantCulture)!, StringComparer.Ordinal);
        var users = (await store.QueryAsync(UserNames(), cancellationToken).ConfigureAwait(false))
            .Select(r => new WorkspaceUser(Text(r, "user_id")!, Text(r, "account_id"), Text(r, "email"), Text(r, "name")))
            .ToList();
        return new WorkspaceValues(values, partners) { Accounts = accounts, AccountPartners = owners, Users = users };
    }

    internal static SqlSelect Distinct(string column)
    {
        var value = new SqlColumn("a", column);
        return new SqlSelect(
            [new SqlSelectItem(value, "value")],
            new SqlTable(WorkspaceTable.Accounts, "a"),
            Where: new SqlIsNull(value, Negated: true),
            GroupBy: [value],
            OrderBy: [new SqlOrder(value)],
            Limit: MaxValues);
    }

    internal static SqlSelect DistinctTrait(string key)
    {
        var value = new SqlJsonText(new SqlColumn("a", "traits"), key);
        return new SqlSelect(
            [new SqlSelectItem(value, "value")],
            new SqlTable(WorkspaceTable.Accounts, "a"),
            Where: new SqlIsNull(value, Negated: true),
            GroupBy: [value],
            OrderBy: [new SqlOrder(value)],
            Limit: MaxTraitValues + 1);
    }

    private static string? Text(QueryRow row, string column) => row[column] is { } value ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    // People are named in questions by id, e-mail or their name; beyond this many users the names are not read.
    internal static SqlSelect UserNames()
    {
        var id = new SqlColumn("u", "user_id");
        return new SqlSelect(
            [
                new SqlSelectItem(id, "user_id"),
                new SqlSelectItem(new SqlColumn("u", "account_id"), "account_id"),
                new SqlSelectItem(new SqlColumn("u", "email"), "email"),
                new SqlSelectItem(new SqlJsonText(new SqlColumn("u", "traits"), "name"), "name"),
            ],
            new SqlTable(WorkspaceTable.Users, "u"),
            OrderBy: [new SqlOrder(id)],
            Limit: MaxUsers);
    }

    private static List<string> Texts(IReadOnlyList<QueryRow> rows) =>
        [.. rows.Select(r => Convert.ToString(r["value"], System.Globalization.CultureInfo.InvariantCulture) ?? "").Where(v => v.Length > 0)];

    internal static SqlSelect PartnerNames() => Names(WorkspaceTable.Partners, "partner_id", MaxValues);

    // An account's partner comes along, so a partner caller's vocabulary can hold only its own accounts.
    internal static SqlSelect AccountNames() => Names(WorkspaceTable.Accounts, "account_id", MaxAccounts, "partner_id");

    private static SqlSelect Names(WorkspaceTable table, string idColumn, int limit, params string[] more)
    {
        var id = new SqlColumn("t", idColumn);
        return new SqlSelect(
            [new SqlSelectItem(id, idColumn), new SqlSelectItem(new SqlColumn("t", "name"), "name"), .. more.Select(c => new SqlSelectItem(new SqlColumn("t", c), c))],
            new SqlTable(table, "t"),
            OrderBy: [new SqlOrder(id)],
            Limit: limit);
    }
}
