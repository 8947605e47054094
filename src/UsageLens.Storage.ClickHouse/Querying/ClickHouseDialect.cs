using UsageLens.Core.Sql;
using UsageLens.Storage.ClickHouse.Schema;

namespace UsageLens.Storage.ClickHouse.Querying;

/// <summary>
/// ClickHouse syntax, written for 18.16 (no parameters, one JOIN, no window functions) and current
/// releases alike. Values become literals through <see cref="ClickHouseLiteral"/> only.
/// </summary>
/// <param name="database">The workspace's database; tables are named with it because a shard runs the query in its own default database.</param>
public sealed class ClickHouseDialect(string database) : SqlRenderer
{
    // Profile tables are upserted as new row versions; FINAL reads the latest version of each key.
    protected override string TableName(WorkspaceTable table) => table switch
    {
        WorkspaceTable.Events => Table(ClickHouseTables.Events),
        WorkspaceTable.Accounts => Latest(ClickHouseTables.Accounts),
        WorkspaceTable.Users => Latest(ClickHouseTables.Users),
        WorkspaceTable.Subscriptions => Latest(ClickHouseTables.Subscriptions),
        WorkspaceTable.Nps => Latest(ClickHouseTables.Nps),
        WorkspaceTable.Partners => Latest(ClickHouseTables.Partners),
        WorkspaceTable.AccountDays => Table(ClickHouseTables.AccountDays),
        WorkspaceTable.UserDays => Table(ClickHouseTables.UserDays),
        WorkspaceTable.UserMonths => Table(ClickHouseTables.UserMonths),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };

    private string Table(string name) => $"{database}.{name}";

    private string Latest(string name) => $"(SELECT * FROM {Table(name)} FINAL)";

    protected override string Bind(object? value, RenderContext context) => ClickHouseLiteral.Render(value);

    protected override string CountDistinct(string argument) => $"uniqExact({argument})";

    protected override string BitAnd(string left, string right) => $"bitAnd({left}, {right})";

    protected override string BitOr(string argument) => $"groupBitOr({argument})";

    // Aggregates skip rows whose argument is NULL; wrapping the value in a tuple keeps those rows,
    // so the latest row's value is returned even when it is NULL, as SqlArgMax promises.
    protected override string ArgMax(string value, string by) => $"tupleElement(argMax(tuple({value}), {by}), 1)";

    protected override string TimeBucket(Grain grain, string timestamp, DayOfWeek weekStart) => grain switch
    {
        Grain.Day => $"toStartOfDay({timestamp})",
        Grain.Week => weekStart == DayOfWeek.Monday
            ? $"toDateTime(toMonday({timestamp}), 'UTC')"
            : $"(toDateTime(toMonday({timestamp} + INTERVAL {MondayOffset(weekStart)} DAY), 'UTC') - INTERVAL {MondayOffset(weekStart)} DAY)",
        Grain.Month => $"toDateTime(toStartOfMonth({timestamp}), 'UTC')",
        Grain.Quarter => $"toDateTime(toStartOfQuarter({timestamp}), 'UTC')",
        Grain.Year => $"toDateTime(toStartOfYear({timestamp}), 'UTC')",
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, null),
    };

    // 18.16 has no JSONExtract; the visitParam functions read flat objects written without spaces,
    // which is how every writer stores properties and traits. A JSON null or an absent key is NULL,
    // a string is unquoted and any other value is its JSON text, as DuckDB's json_extract_string gives.
    protected override string JsonText(string json, string boundKey) =>
        $"if(visitParamHas({json}, {boundKey}) = 0 OR visitParamExtractRaw({json}, {boundKey}) = 'null', NULL, "
        + $"if(substring(visitParamExtractRaw({json}, {boundKey}), 1, 1) = '\"', visitParamExtractString({json}, {boundKey}), visitParamExtractRaw({json}, {boundKey})))";

    protected override object JsonKeyArgument(string key) => key;

    protected override string ToText(string operand) => $"toString({operand})";

    protected override string ToNumber(string operand) => $"toFloat64OrNull(toString({operand}))";

    // 18.16's MD5 gives 16 raw bytes; hex() spells them upper-case.
    protected override string Pseudonym(string text) => $"concat('user-', substring(lower(hex(MD5({text}))), 1, 8))";

    protected override string Quote(string identifier) => $"`{identifier}`";

    // An output name that matched a column would shadow it in WHERE and GROUP BY of the same statement.
    protected override string OutputName(string alias) => alias + "_";

    protected override string Boolean(bool value) => value ? "1" : "0";

    // ClickHouse answers 0 for NULL IN (...) and 1 for NULL NOT IN (...); SQL (and DuckDB) answer NULL.
    protected override string InList(string value, string items, bool negated) =>
        $"if(isNull({value}), NULL, {value} {(negated ? "NOT IN" : "IN")} ({items}))";

    // Without join_use_nulls an unmatched row would read as empty strings and zeros; the store sets it.
    protected override string LeftJoin => "ALL LEFT JOIN";

    protected override bool QualifyLeftColumnsInJoin => false;

    private static int MondayOffset(DayOfWeek weekStart) => ((int)DayOfWeek.Monday - (int)weekStart + 7) % 7;
}
