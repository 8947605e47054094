namespace UsageLens.Core.Semantics;

public enum FilterOperator
{
    /// <summary>Equal to one of the values.</summary>
    In,
    /// <summary>Equal to none of the values (missing values included).</summary>
    NotIn,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
