namespace UsageLens.Core.Sql;

/// <summary>
/// A dialect-neutral SQL expression. The planner builds these; a <see cref="SqlRenderer"/> turns
/// them into one engine's text. Values only ever appear as <see cref="SqlValue"/> nodes, which
/// renderers bind as parameters (or escape through one audited function where an engine has none).
/// </summary>
public abstract record SqlExpr;

/// <summary>A column of a table alias in scope.</summary>
public sealed record SqlColumn(string Table, string Column) : SqlExpr;

/// <summary>A value that must reach the engine as a bound parameter.</summary>
public sealed record SqlValue(object? Value) : SqlExpr;

/// <summary>A binary operator: comparison, boolean or arithmetic.</summary>
public sealed record SqlBinary(SqlOperator Operator, SqlExpr Left, SqlExpr Right) : SqlExpr;

/// <summary>The bitwise AND of two non-negative integers.</summary>
public sealed record SqlBitAnd(SqlExpr Left, SqlExpr Right) : SqlExpr;

/// <summary>Boolean negation.</summary>
public sealed record SqlNot(SqlExpr Operand) : SqlExpr;

/// <summary><c>value [NOT] IN (items)</c>.</summary>
public sealed record SqlInList(SqlExpr Value, IReadOnlyList<SqlExpr> Items, bool Negated = false) : SqlExpr;

/// <summary><c>value [NOT] IN (subquery)</c>.</summary>
public sealed record SqlInSubquery(SqlExpr Value, SqlSelect Query, bool Negated = false) : SqlExpr;

/// <summary><c>operand IS [NOT] NULL</c>.</summary>
public sealed record SqlIsNull(SqlExpr Operand, bool Negated = false) : SqlExpr;

/// <summary>An aggregate; a null argument means <c>count(*)</c>.</summary>
public sealed record SqlAggregate(SqlAggregateKind Kind, SqlExpr? Argument) : SqlExpr;

/// <summary>The value of <see cref="Value"/> on the row with the greatest <see cref="By"/> in the group.</summary>
public sealed record SqlArgMax(SqlExpr Value, SqlExpr By) : SqlExpr;

/// <summary>The start of the calendar bucket of <see cref="Grain"/> that contains a UTC timestamp.</summary>
public sealed record SqlTimeBucket(Grain Grain, SqlExpr Timestamp, DayOfWeek WeekStart) : SqlExpr;

/// <summary>A top-level key of a JSON object column, as text (null when absent).</summary>
public sealed record SqlJsonText(SqlExpr Json, string Key) : SqlExpr;

/// <summary>Any value rendered as text, for grouping keys of mixed types.</summary>
public sealed record SqlToText(SqlExpr Operand) : SqlExpr;

/// <summary>The text as a double, or null when it is not a number.</summary>
public sealed record SqlToNumber(SqlExpr Operand) : SqlExpr;

/// <summary>
/// A stable pseudonym of a personal value: <c>'user-'</c> and the first 8 hex digits of the MD5 of its text, the same
/// on every engine; with <see cref="OnlyEmails"/>, only values holding an <c>@</c> are replaced.
/// </summary>
public sealed record SqlPseudonym(SqlExpr Operand, bool OnlyEmails) : SqlExpr;

/// <summary>The first non-null argument.</summary>
public sealed record SqlCoalesce(IReadOnlyList<SqlExpr> Items) : SqlExpr;

/// <summary><c>CASE WHEN condition THEN then ELSE otherwise END</c>.</summary>
public sealed record SqlCase(SqlExpr When, SqlExpr Then, SqlExpr Otherwise) : SqlExpr;
