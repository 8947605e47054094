namespace UsageLens.Core.Kpis;

/// <summary>How a KPI takes a metric; <see cref="Option"/> names the option when <see cref="Use"/> is <see cref="KpiMetricUse.Option"/>.</summary>
public sealed record KpiMetricRole(KpiMetricUse Use, string? Option = null)
{
    public static KpiMetricRole None { get; } = new(KpiMetricUse.None);

    public static KpiMetricRole Measured { get; } = new(KpiMetricUse.Measured);

    /// <summary>The metric is given as <c>--option NAME=metric</c>.</summary>
    public static KpiMetricRole AsOption(string option) => new(KpiMetricUse.Option, option);
}
