using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;

namespace UsageLens.Insights;

/// <summary>
/// An insight. Adding one means writing one class and listing it in <see cref="InsightRegistry"/>.
/// An insight reads the workspace only through the KPIs of <see cref="KpiCatalog"/>, and only data
/// before <see cref="InsightRequest.AsOf"/>.
/// </summary>
public interface IInsight
{
    /// <summary>Its name, title and parameters, as listed in <see cref="InsightCatalog"/>.</summary>
    InsightDefinition Definition { get; }

    /// <summary>The options it takes (<c>--option name=value</c>), with what each means and its default.</summary>
    IReadOnlyList<InsightParameter> Options { get; }

    Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken);
}
