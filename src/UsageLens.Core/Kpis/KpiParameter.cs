namespace UsageLens.Core.Kpis;

/// <summary>
/// A parameter every KPI takes, named as in the HTTP query string (<c>group-by</c>) and on the CLI
/// (<c>--group-by</c>). A repeatable parameter may be given several times; a switch has a default.
/// </summary>
public sealed record KpiParameter(string Name, string Description, KpiParameterKind Kind = KpiParameterKind.Text, bool Repeatable = false)
{
    /// <summary>A switch's value when it is not given.</summary>
    public bool Default { get; init; }
}
