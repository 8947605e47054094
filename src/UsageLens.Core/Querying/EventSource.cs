using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>
/// The relation an event read comes from: the raw events, or a daily rollup that holds the same
/// event columns (except <c>properties</c>) with the rows of a day summed into <c>events</c>,
/// <c>quantity</c> and <c>first_at</c>. A rollup key may appear on several rows (each writer
/// appends its own sums), so every read aggregates; none relies on a key being unique.
/// </summary>
internal sealed record EventSource(WorkspaceTable Table, string TimeColumn, bool HasUsers)
{
    public static EventSource Raw { get; } = new(WorkspaceTable.Events, "timestamp", HasUsers: true);

    public static EventSource AccountDays { get; } = new(WorkspaceTable.AccountDays, "day", HasUsers: false);

    public static EventSource UserDays { get; } = new(WorkspaceTable.UserDays, "day", HasUsers: true);

    private bool IsRollup => Table != WorkspaceTable.Events;

    /// <summary>
    /// The smallest relation that answers exactly: a rollup needs a period of whole UTC days and
    /// no event-property dimension; the account rollup also needs no user column or user dimension.
    /// </summary>
    public static EventSource For(EventReads reads, Period period, bool needsUsers, IEnumerable<Dimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(period);
        return IsMidnight(period.From) ? Before(reads, period.To, needsUsers, dimensions) : Raw;
    }

    /// <summary>As <see cref="For"/>, for reads bounded only above (first events before an instant).</summary>
    public static EventSource Before(EventReads reads, DateTime before, bool needsUsers, IEnumerable<Dimension> dimensions)
    {
        var used = dimensions.ToList();
        if (reads == EventReads.RawEvents || !IsMidnight(before) || used.Any(d => d.Source == DimensionSource.Event && d.JsonKey is not null))
        {
            return Raw;
        }
        var users = needsUsers || used.Any(d => d.Source == DimensionSource.User || (d.Source == DimensionSource.Event && d.Column == "user_id"));
        return users ? UserDays : AccountDays;
    }

    public SqlTable From(string alias) => new(Table, alias);

    public SqlColumn Time(string alias) => new(alias, TimeColumn);

    /// <summary>The number of events: <c>count(*)</c> on raw rows, the sum of the per-day counts on a rollup.</summary>
    public SqlExpr EventCount(string alias) =>
        IsRollup ? new SqlAggregate(SqlAggregateKind.Sum, new SqlColumn(alias, "events")) : new SqlAggregate(SqlAggregateKind.Count, null);

    /// <summary>The earliest event instant: the timestamp itself, or the rollup row's <c>first_at</c>.</summary>
    public SqlExpr FirstAt(string alias) => new SqlAggregate(SqlAggregateKind.Min, new SqlColumn(alias, IsRollup ? "first_at" : "timestamp"));

    private static bool IsMidnight(DateTime instant) => instant.TimeOfDay == TimeSpan.Zero;
}
