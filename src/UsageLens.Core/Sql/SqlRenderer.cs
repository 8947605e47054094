using System.Globalization;
using System.Text;

namespace UsageLens.Core.Sql;

/// <summary>
/// Renders the SQL tree. The shape of a statement is the same on every engine; a dialect
/// overrides only the syntax points below (names, functions, placeholders).
/// </summary>
public abstract class SqlRenderer
{
    public RenderedSql Render(SqlSelect query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = new RenderContext();
        var text = new StringBuilder();
        WriteSelect(text, query, context);
        return new RenderedSql(text.ToString(), context.Parameters);
    }

    /// <summary>The physical name of a logical table.</summary>
    protected abstract string TableName(WorkspaceTable table);

    /// <summary>Binds <paramref name="value"/> and returns the text that stands for it.</summary>
    protected abstract string Bind(object? value, RenderContext context);

    protected abstract string CountDistinct(string argument);

    protected abstract string ArgMax(string value, string by);

    protected abstract string TimeBucket(Grain grain, string timestamp, DayOfWeek weekStart);

    /// <summary>A top-level key of a JSON object as text; the key arrives already bound.</summary>
    protected abstract string JsonText(string json, string boundKey);

    /// <summary>How the key of <see cref="JsonText"/> is passed to the engine (a path, a pointer or a plain name).</summary>
    protected abstract object JsonKeyArgument(string key);

    protected abstract string ToText(string operand);

    protected abstract string ToNumber(string operand);

    /// <summary><c>'user-'</c> followed by the first 8 lower-case hex digits of the MD5 of the text operand.</summary>
    protected abstract string Pseudonym(string text);

    /// <summary>The bitwise AND of two integer operands.</summary>
    protected virtual string BitAnd(string left, string right) => $"({left} & {right})";

    /// <summary>The aggregate bitwise OR of an integer operand.</summary>
    protected virtual string BitOr(string argument) => $"bit_or({argument})";

    protected virtual string Quote(string identifier) => identifier;

    /// <summary>
    /// The name an output column is given, and referred to by from an enclosing query. An engine
    /// that lets output names shadow table columns inside the same statement (ClickHouse) renames them.
    /// </summary>
    protected virtual string OutputName(string alias) => alias;

    protected virtual string Boolean(bool value) => value ? "TRUE" : "FALSE";

    /// <summary><c>value [NOT] IN (items)</c>, with SQL's NULL semantics: a NULL value gives NULL.</summary>
    protected virtual string InList(string value, string items, bool negated) => $"({value} {(negated ? "NOT IN" : "IN")} ({items}))";

    protected virtual string LeftJoin => "LEFT JOIN";

    /// <summary>
    /// Whether the join condition names the left table's columns with their alias. ClickHouse 18.16
    /// loses the alias of a Distributed table inside ON, but finds its columns by bare name.
    /// </summary>
    protected virtual bool QualifyLeftColumnsInJoin => true;

    private void WriteSelect(StringBuilder text, SqlSelect query, RenderContext context)
    {
        context.EnterScope(query);
        text.Append("SELECT ");
        text.AppendJoin(", ", query.Items.Select(i => $"{Expr(i.Expr, context)} AS {Quote(OutputName(i.Alias))}"));
        text.Append(" FROM ").Append(Source(query.From, context));
        if (query.Join is { } join)
        {
            text.Append(' ').Append(LeftJoin).Append(' ').Append(Source(join.Source, context)).Append(" ON ");
            context.BareAlias = QualifyLeftColumnsInJoin ? null : query.From.Alias;
            text.Append(Expr(join.On, context));
            context.BareAlias = null;
        }
        if (query.Where is { } where)
        {
            text.Append(" WHERE ").Append(Expr(where, context));
        }
        if (query.GroupBy is { Count: > 0 } groupBy)
        {
            text.Append(" GROUP BY ").AppendJoin(", ", groupBy.Select(g => Expr(g, context)));
        }
        if (query.OrderBy is { Count: > 0 } orderBy)
        {
            text.Append(" ORDER BY ").AppendJoin(", ", orderBy.Select(o => Expr(o.Expr, context) + (o.Descending ? " DESC" : "")));
        }
        if (query.Limit is { } limit)
        {
            text.Append(" LIMIT ").Append(limit.ToString(CultureInfo.InvariantCulture));
        }
        context.LeaveScope();
    }

    private string Source(SqlSource source, RenderContext context) => source switch
    {
        SqlTable table => $"{TableName(table.Table)} AS {table.Alias}",
        SqlSubquery sub => $"({Nested(sub.Query, context)}) AS {sub.Alias}",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    private string Nested(SqlSelect query, RenderContext context)
    {
        var text = new StringBuilder();
        WriteSelect(text, query, context);
        return text.ToString();
    }

    private string Expr(SqlExpr expr, RenderContext context) => expr switch
    {
        SqlColumn c => Column(c, context),
        SqlValue v => Bind(v.Value, context),
        SqlBinary b => $"({Expr(b.Left, context)} {Operator(b.Operator)} {Expr(b.Right, context)})",
        SqlBitAnd b => BitAnd(Expr(b.Left, context), Expr(b.Right, context)),
        SqlNot n => $"(NOT {Expr(n.Operand, context)})",
        SqlInList l when l.Items.Count == 0 => Boolean(l.Negated),
        SqlInList l => InList(Expr(l.Value, context), string.Join(", ", l.Items.Select(i => Expr(i, context))), l.Negated),
        SqlInSubquery s => $"({Expr(s.Value, context)} {(s.Negated ? "NOT IN" : "IN")} ({Nested(s.Query, context)}))",
        SqlIsNull n => $"({Expr(n.Operand, context)} IS {(n.Negated ? "NOT NULL" : "NULL")})",
        SqlAggregate a => Aggregate(a, context),
        SqlArgMax m => ArgMax(Expr(m.Value, context), Expr(m.By, context)),
        SqlTimeBucket t => TimeBucket(t.Grain, Expr(t.Timestamp, context), t.WeekStart),
        SqlJsonText j => JsonText(Expr(j.Json, context), Bind(JsonKeyArgument(j.Key), context)),
        SqlToText t => ToText(Expr(t.Operand, context)),
        SqlToNumber n => ToNumber(Expr(n.Operand, context)),
        SqlPseudonym p => Pseudonymised(p, context),
        SqlCoalesce c => $"coalesce({string.Join(", ", c.Items.Select(i => Expr(i, context)))})",
        SqlCase c => $"(CASE WHEN {Expr(c.When, context)} THEN {Expr(c.Then, context)} ELSE {Expr(c.Otherwise, context)} END)",
        _ => throw new ArgumentOutOfRangeException(nameof(expr), expr, null),
    };

    private string Pseudonymised(SqlPseudonym pseudonym, RenderContext context)
    {
        var operand = Expr(pseudonym.Operand, context);
        var masked = Pseudonym(ToText(operand));
        return pseudonym.OnlyEmails ? $"(CASE WHEN {operand} LIKE {Bind("%@%", context)} THEN {masked} ELSE {operand} END)" : masked;
    }

    private string Column(SqlColumn column, RenderContext context)
    {
        var name = Quote(context.IsSubquery(column.Table) ? OutputName(column.Column) : column.Column);
        return column.Table == context.BareAlias ? name : $"{column.Table}.{name}";
    }

    private string Aggregate(SqlAggregate aggregate, RenderContext context)
    {
        if (aggregate.Argument is null)
        {
            return "count(*)";
        }
        var argument = Expr(aggregate.Argument, context);
        return aggregate.Kind switch
        {
            SqlAggregateKind.Sum => $"sum({argument})",
            SqlAggregateKind.Count => $"count({argument})",
            SqlAggregateKind.CountDistinct => CountDistinct(argument),
            SqlAggregateKind.Min => $"min({argument})",
            SqlAggregateKind.Max => $"max({argument})",
            SqlAggregateKind.BitOr => BitOr(argument),
            _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate.Kind, null),
        };
    }

    private static string Operator(SqlOperator op) => op switch
    {
        SqlOperator.Equal => "=",
        SqlOperator.NotEqual => "<>",
        SqlOperator.Less => "<",
        SqlOperator.LessOrEqual => "<=",
        SqlOperator.Greater => ">",
        SqlOperator.GreaterOrEqual => ">=",
        SqlOperator.And => "AND",
        SqlOperator.Or => "OR",
        SqlOperator.Add => "+",
        SqlOperator.Subtract => "-",
        SqlOperator.Multiply => "*",
        SqlOperator.Divide => "/",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>Parameters collected while rendering one statement.</summary>
    protected sealed class RenderContext
    {
        private readonly List<object?> _parameters = [];
        private readonly Stack<HashSet<string>> _subqueryAliases = new();

        public IReadOnlyList<object?> Parameters => _parameters;

        /// <summary>
        /// Adds a value and returns its 1-based position. A text bound before is reused: a JSON
        /// lookup in SELECT must render exactly as in GROUP BY, key parameter included, for the
        /// engine to see that they are the same expression.
        /// </summary>
        public int Add(object? value)
        {
            if (value is string text && _parameters.FindIndex(p => p is string bound && string.Equals(bound, text, StringComparison.Ordinal)) is var index and >= 0)
            {
                return index + 1;
            }
            _parameters.Add(value);
            return _parameters.Count;
        }

        internal void EnterScope(SqlSelect query)
        {
            var aliases = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in new[] { query.From, query.Join?.Source })
            {
                if (source is SqlSubquery sub)
                {
                    aliases.Add(sub.Alias);
                }
            }
            _subqueryAliases.Push(aliases);
        }

        internal void LeaveScope() => _subqueryAliases.Pop();

        /// <summary>The alias whose columns are written without it, while a join condition is written.</summary>
        internal string? BareAlias { get; set; }

        /// <summary>Whether a table alias of the statement being written names a derived table.</summary>
        internal bool IsSubquery(string alias) => _subqueryAliases.TryPeek(out var aliases) && aliases.Contains(alias);
    }
}
