namespace UsageLens.Core.Sql;

/// <summary>One SELECT statement. Joins are kept to one per statement so that every engine, ClickHouse 18.16 included, runs it.</summary>
public sealed record SqlSelect(
    IReadOnlyList<SqlSelectItem> Items,
    SqlSource From,
    SqlJoin? Join = null,
    SqlExpr? Where = null,
    IReadOnlyList<SqlExpr>? GroupBy = null,
    IReadOnlyList<SqlOrder>? OrderBy = null,
    long? Limit = null);

/// <summary>An output column.</summary>
public sealed record SqlSelectItem(SqlExpr Expr, string Alias);

/// <summary>A sort key.</summary>
public sealed record SqlOrder(SqlExpr Expr, bool Descending = false);

/// <summary>A LEFT JOIN on equality.</summary>
public sealed record SqlJoin(SqlSource Source, SqlExpr On);
