using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis;

/// <summary>The KPI's value over the comparison period.</summary>
public sealed record KpiComparison(Period Period, double? Value, IReadOnlyList<KpiPart> Parts)
{
    /// <summary>
    /// The KPI over the period before the request's (<see cref="Period.Previous"/>), or null when the
    /// request does not ask for a comparison.
    /// </summary>
    internal static async Task<KpiComparison?> ForPreviousAsync(KpiRequest request, Func<Period, Task<KpiOutcome>> evaluate)
    {
        if (!request.ComparePrevious)
        {
            return null;
        }
        var before = request.Period.Previous();
        var earlier = await evaluate(before).ConfigureAwait(false);
        return new KpiComparison(before, earlier.Value, earlier.Parts);
    }
}
