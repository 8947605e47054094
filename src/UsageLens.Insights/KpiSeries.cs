using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Kpis;

namespace UsageLens.Insights;

/// <summary>
/// How insights read the workspace: through a KPI of the catalogue, resolved as of the request's day
/// and refused when its period would reach the as-of day, so no insight can read what came after it.
/// </summary>
internal static class KpiSeries
{
    public static async Task<KpiResult> ReadAsync(string kpiName, KpiArguments arguments, InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var kpi = KpiCatalog.Find(kpiName);
        return await kpi.ComputeAsync(Resolve(kpi.Definition, arguments, request, context), context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The KPI request the arguments stand for as of the request's day; refused when its period reaches that day.</summary>
    public static KpiRequest Resolve(KpiDefinition definition, KpiArguments arguments, InsightRequest request, KpiContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var resolved = arguments.Resolve(definition, context.Model, request.AsOf, request.Scope) with { ComparePrevious = false };
        var asOf = request.AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (resolved.Period.To > asOf)
        {
            throw new UsageLensException($"--period: {resolved.Period} reaches the as-of day {Day(request.AsOf)}; an insight reads only the days before it");
        }
        return resolved;
    }

    /// <summary>The value of a breakdown row's key, such as <c>period</c> or <c>account_id</c>.</summary>
    public static string? Key(KpiRow row, string name) =>
        row.Keys.FirstOrDefault(k => string.Equals(k.Key, name, StringComparison.Ordinal)).Value;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string label) => DateOnly.ParseExact(label[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
