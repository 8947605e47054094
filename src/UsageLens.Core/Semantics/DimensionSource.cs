namespace UsageLens.Core.Semantics;

/// <summary>Which table a dimension's values live in.</summary>
public enum DimensionSource
{
    Event,
    Account,
    User,
}
