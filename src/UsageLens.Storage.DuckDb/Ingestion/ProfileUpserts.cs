using System.Text;
using DuckDB.NET.Data;
using UsageLens.Core.Accounts;

namespace UsageLens.Storage.DuckDb.Ingestion;

/// <summary>
/// Upserts of accounts and users. Only the fields a record carries are overwritten, and traits
/// are merged key by key (RFC 7396), so a partial update never erases what it did not mention.
/// </summary>
internal static class ProfileUpserts
{
    public static void UpsertAccount(DuckDBConnection connection, AccountUpsert account)
    {
        var columns = new List<string> { "account_id" };
        var values = new List<object?> { account.AccountId };
        foreach (var (field, value) in account.Fields)
        {
            columns.Add(AccountColumns.Name(field));
            values.Add(value);
        }
        columns.Add("traits");
        values.Add(account.TraitsJson);

        var updates = columns.Skip(1).Where(c => c != "traits").Select(c => $"{c} = excluded.{c}").ToList();
        updates.Add("traits = CASE WHEN excluded.traits IS NULL THEN accounts.traits ELSE json_merge_patch(coalesce(accounts.traits, '{}'), excluded.traits) END");
        updates.Add("updated_at = now()");
        Run(connection, "accounts", "account_id", columns, values, updates);
    }

    public static void UpsertUser(DuckDBConnection connection, UserUpsert user)
    {
        var columns = new List<string> { "user_id", "traits" };
        var values = new List<object?> { user.UserId, user.TraitsJson };
        var updates = new List<string>
        {
            "traits = CASE WHEN excluded.traits IS NULL THEN users.traits ELSE json_merge_patch(coalesce(users.traits, '{}'), excluded.traits) END",
            "updated_at = now()",
        };
        AddIfPresent("account_id", user.AccountId);
        AddIfPresent("email", user.Email);
        AddIfPresent("created_at", user.CreatedAt);
        Run(connection, "users", "user_id", columns, values, updates);

        void AddIfPresent(string column, object? value)
        {
            if (value is null)
            {
                return;
            }
            columns.Add(column);
            values.Add(value);
            updates.Add($"{column} = excluded.{column}");
        }
    }

    // Column names come from fixed internal lists only; every value is a bound parameter.
    private static void Run(DuckDBConnection connection, string table, string key, List<string> columns, List<object?> values, List<string> updates)
    {
        var sql = new StringBuilder()
            .Append("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns).Append(") VALUES (")
            .AppendJoin(", ", columns.Select((_, i) => $"${i + 1}"))
            .Append(") ON CONFLICT (").Append(key).Append(") DO UPDATE SET ").AppendJoin(", ", updates);
        DuckDbCommands.Execute(connection, sql.ToString(), values);
    }
}
