using UsageLens.Core;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Accounts;

/// <summary>The request's <c>--where</c> as account filters, for the insights that list accounts by their attributes.</summary>
internal static class AccountFilters
{
    public static IReadOnlyList<Filter> Resolve(InsightRequest request, KpiContext context, string insight)
    {
        var filters = new KpiArguments { Where = request.Where, ComparePrevious = false }
            .Resolve(KpiCatalog.Find("mrr").Definition, context.Model, request.AsOf, request.Scope).Filters;
        if (filters.FirstOrDefault(f => f.Dimension.Source != DimensionSource.Account && !f.Dimension.IsAccountId) is { } filter)
        {
            throw new UsageLensException($"--where: {insight} filters accounts by account dimensions only, such as segment or plan; '{filter.Dimension.Name}' is not one");
        }
        return filters;
    }
}
