using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis;

/// <summary>What accounts are ranked by: a CRM field, MRR at the period's end, or a usage metric over the period.</summary>
public sealed record Ranking
{
    private static readonly string[] s_fields = ["revenue", "contract_value", "cltv"];

    private Ranking(string? accountField, bool mrr, UsageMetric? usage)
    {
        AccountField = accountField;
        IsMrr = mrr;
        Usage = usage;
    }

    public static Ranking Revenue { get; } = new("revenue", false, null);

    public static Ranking Mrr { get; } = new(null, true, null);

    /// <summary>A numeric column of the accounts table.</summary>
    public string? AccountField { get; }

    public bool IsMrr { get; }

    public UsageMetric? Usage { get; }

    public static Ranking ByUsage(UsageMetric metric) => new(null, false, metric);

    /// <summary><c>revenue</c>, <c>contract_value</c>, <c>cltv</c>, <c>mrr</c> or a usage metric.</summary>
    public static Ranking Parse(string text, SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(model);
        var key = text.Trim().ToLowerInvariant();
        if (s_fields.Contains(key))
        {
            return new Ranking(key, false, null);
        }
        if (key == "mrr")
        {
            return Mrr;
        }
        if (UsageMetric.TryParse(text, out var metric, out _) && model.Catalog.MeterUnits.ContainsKey(metric.Event))
        {
            return ByUsage(metric);
        }
        throw new UsageLensException($"--rank-by '{text}' is not revenue, contract_value, cltv, mrr or a metered event{NearestNames.Hint(text, s_fields.Append("mrr").Concat(model.Catalog.MeterUnits.Keys))}");
    }

    public override string ToString() => AccountField ?? (IsMrr ? "mrr" : Usage!.ToString());
}
