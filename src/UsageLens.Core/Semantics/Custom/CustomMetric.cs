namespace UsageLens.Core.Semantics.Custom;

/// <summary>A metric a workspace defines in its configuration file: a formula over metrics, or time in a state.</summary>
/// <param name="Name">The name <c>--metric</c> takes.</param>
/// <param name="Unit">The unit its values are in.</param>
/// <param name="Description">What it means, for listings.</param>
public abstract record CustomMetric(string Name, string Unit, string? Description)
{
    /// <summary>The definition as the configuration file gives it, for listings.</summary>
    public abstract string Definition { get; }
}
