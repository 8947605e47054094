using UsageLens.Core;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Accounts;

/// <summary>The request's <c>--where</c> as account filters, for the insights that list accounts by their attributes.</summary>
internal static class AccountFilters
{
    /// <summary>The filters, refused when one is not on an account dimension.</summary>
    public static IReadOnlyList<Filter> Resolve(InsightRequest request, KpiContext context, string insight)
    {
        var filters = All(request, context);
        if (filters.FirstOrDefault(f => !IsOnAccount(f)) is { } filter)
        {
            throw new UsageLensException($"--where: {insight} filters accounts by account dimensions only, such as segment or plan; '{filter.Dimension.Name}' is not one");
        }
        return filters;
    }

    /// <summary>The account filters only, for reads (MRR) that an event filter cannot narrow.</summary>
    public static IReadOnlyList<Filter> OnAccounts(InsightRequest request, KpiContext context) => [.. All(request, context).Where(IsOnAccount)];

    private static IReadOnlyList<Filter> All(InsightRequest request, KpiContext context) =>
        new KpiArguments { Where = request.Where, ComparePrevious = false }
            .Resolve(KpiCatalog.Find("mrr").Definition, context.Model, request.AsOf, request.Scope).Filters;

    private static bool IsOnAccount(Filter filter) => filter.Dimension.Source == DimensionSource.Account || filter.Dimension.IsAccountId;
}
