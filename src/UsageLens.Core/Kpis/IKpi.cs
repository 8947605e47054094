namespace UsageLens.Core.Kpis;

/// <summary>A KPI. Adding one means writing one class and listing it in <see cref="KpiCatalog"/>.</summary>
public interface IKpi
{
    KpiDefinition Definition { get; }

    Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken);
}
