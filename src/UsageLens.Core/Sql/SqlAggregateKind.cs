namespace UsageLens.Core.Sql;

public enum SqlAggregateKind
{
    Sum,
    Count,
    CountDistinct,
    Min,
    Max,
}
