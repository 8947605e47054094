using System.Globalization;
using UsageLens.Core.Sql;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Storage.DuckDb.Querying;

/// <summary>DuckDB syntax: positional <c>$n</c> parameters, <c>date_trunc</c>, <c>arg_max_null</c>, JSON pointers.</summary>
public sealed class DuckDbDialect : SqlRenderer
{
    public static DuckDbDialect Instance { get; } = new();

    protected override string TableName(WorkspaceTable table) => table switch
    {
        WorkspaceTable.Events => "events",
        WorkspaceTable.Accounts => "accounts",
        WorkspaceTable.Users => "users",
        WorkspaceTable.Subscriptions => "subscriptions",
        WorkspaceTable.Nps => "nps",
        WorkspaceTable.Partners => "partners",
        WorkspaceTable.AccountDays => EventRollups.AccountDays,
        WorkspaceTable.UserDays => EventRollups.UserDays,
        WorkspaceTable.UserMonths => EventRollups.UserMonths,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };

    protected override string Bind(object? value, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return "$" + context.Add(value).ToString(CultureInfo.InvariantCulture);
    }

    protected override string CountDistinct(string argument) => $"count(DISTINCT {argument})";

    // arg_max skips rows whose value is NULL, so a later row with no plan would hand back an older plan;
    // arg_max_null takes the value of the latest row, NULL included, as SqlArgMax promises.
    protected override string ArgMax(string value, string by) => $"arg_max_null({value}, {by})";

    protected override string TimeBucket(Grain grain, string timestamp, DayOfWeek weekStart) => grain switch
    {
        Grain.Day => $"date_trunc('day', {timestamp})",
        // date_trunc('week') starts weeks on Monday; shift so that another start day lands on it.
        Grain.Week => weekStart == DayOfWeek.Monday
            ? $"date_trunc('week', {timestamp})"
            : $"(date_trunc('week', {timestamp} + INTERVAL {MondayOffset(weekStart)} DAY) - INTERVAL {MondayOffset(weekStart)} DAY)",
        Grain.Month => $"date_trunc('month', {timestamp})",
        Grain.Quarter => $"date_trunc('quarter', {timestamp})",
        Grain.Year => $"date_trunc('year', {timestamp})",
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, null),
    };

    protected override string JsonText(string json, string boundKey) => $"json_extract_string({json}, {boundKey})";

    // A JSON pointer names one key exactly, whatever characters it holds (RFC 6901 escaping).
    protected override object JsonKeyArgument(string key) => "/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    protected override string ToText(string operand) => $"CAST({operand} AS VARCHAR)";

    protected override string ToNumber(string operand) => $"TRY_CAST({operand} AS DOUBLE)";

    protected override string Pseudonym(string text) => $"('user-' || left(md5({text}), 8))";

    private static int MondayOffset(DayOfWeek weekStart) => ((int)DayOfWeek.Monday - (int)weekStart + 7) % 7;
}
