namespace UsageLens.Core.Sql;

public enum SqlAggregateKind
{
    Sum,
    Count,
    CountDistinct,
    Min,
    Max,

    /// <summary>The bitwise OR of the group's integers.</summary>
    BitOr,
}
