namespace UsageLens.Core.Semantics;

/// <summary>The type a dimension's filter values are parsed as.</summary>
public enum DimensionKind
{
    Text,
    Number,
    Boolean,
}
