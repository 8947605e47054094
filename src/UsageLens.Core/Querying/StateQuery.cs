using UsageLens.Core.Semantics;
using UsageLens.Core.Semantics.Custom;

namespace UsageLens.Core.Querying;

/// <summary>The state events a state metric reads over a period, within a scope and filters, with group keys per entity.</summary>
/// <param name="Groups">Account dimensions, <c>account_id</c> or the entity property: values that never change for one entity.</param>
public sealed record StateQuery(StateMetric Metric, Period Period, AccountScope Scope, IReadOnlyList<Filter> Filters, IReadOnlyList<Dimension> Groups);
