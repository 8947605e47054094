namespace UsageLens.Questions;

/// <summary>
/// The meaning of a known phrase. <see cref="Name"/> is the canonical name (KPI, event, value,
/// dimension, grain, ranking field or insight kind); <see cref="Dimension"/> is set for values;
/// <see cref="Option"/> and <see cref="Variant"/> refine a KPI.
/// </summary>
internal sealed record Term(TermKind Kind, string Name, string? Dimension = null, string? Option = null, string? Variant = null)
{
    /// <summary>How the term reads in messages and suggestions: <c>segment=enterprise</c>, <c>api_call</c>.</summary>
    public string Label => Kind == TermKind.Value ? $"{Dimension}={Name}" : Name;
}
