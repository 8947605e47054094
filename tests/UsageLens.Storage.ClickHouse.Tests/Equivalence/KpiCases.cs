using UsageLens.Core.Kpis;

namespace UsageLens.Storage.ClickHouse.Tests.Equivalence;

/// <summary>
/// The arguments every KPI is asked with on every engine: periods, day, week and month grains,
/// breakdowns by account, user and event dimensions, filters, and every option and variant in the
/// catalogue.
/// </summary>
internal static class KpiCases
{
    private static readonly KpiArguments[] s_common =
    [
        new(),
        new() { Period = "last-30-days" },
        new() { From = "2026-09-01", To = "2026-11-15", Grain = "day" },
        new() { From = "2026-08-01", To = "2026-11-15", Grain = "week" },
        new() { From = "2026-07-01", To = "2026-11-01", Grain = "month", GroupBy = ["segment"] },
        new() { Where = ["segment!=smb"], GroupBy = ["plan"] },
        new() { Where = ["region=EMEA"], GroupBy = ["partner_id"] },
        new() { Period = "last-month", GroupBy = ["account_id"] },
        new() { Period = "last-month", Where = ["product=core"] },
    ];

    private static readonly Dictionary<string, KpiArguments[]> s_specific = new()
    {
        ["usage"] =
        [
            .. new[] { "api_call", "count(login)", "users(api_call)", "accounts(export)", "storage_used", "sum(data_processed)" }
                .Select(m => new KpiArguments { Metric = m, From = "2026-08-01", To = "2026-11-15", Grain = "week" }),
            new() { Metric = "users(login)", GroupBy = ["product"] },
            new() { Metric = "count(export)", GroupBy = ["properties.format"], Where = ["classification!=trial"] },
            new() { Metric = "count(api_call)", GroupBy = ["user_id"], Period = "last-30-days" },
        ],
        ["top-customer-share"] =
        [
            new() { Top = "20%" }, new() { Top = "20%", RankBy = "revenue" }, new() { Top = "10", RankBy = "mrr" },
            new() { Top = "5", RankBy = "count(api_call)", Grain = "week", From = "2026-10-01", To = "2026-11-01" },
            new() { Top = "30%", Variant = "revenue-weighted" }, new() { TopWhere = ["segment=enterprise"] },
            new() { Top = "10%", RankBy = "contract_value", GroupBy = ["region"] },
        ],
        ["concentration"] = [new() { Top = "5" }, new() { Options = ["view=lorenz"] }, new() { Options = ["view=top"], Top = "3" }],
        ["active-users"] =
        [
            new() { Options = ["measure=dau"] }, new() { Options = ["measure=wau", "window=10"] }, new() { Options = ["measure=mau", "mode=calendar"], Grain = "month", From = "2026-07-01", To = "2026-11-01" },
            new() { Options = ["mode=calendar", "measure=wau"], Grain = "week" }, new() { Options = ["measure=dau"], Grain = "day", GroupBy = ["segment"] }, new() { Options = ["measure=dau"], Grain = "day" },
        ],
        ["stickiness"] = [new() { Variant = "rolling" }, new() { Variant = "rolling", Grain = "day", Period = "last-30-days" }],
        ["retention"] =
        [
            new() { From = "2026-08-01", To = "2026-11-01", Grain = "month" },
            new() { From = "2026-08-01", To = "2026-11-01", Grain = "week", Options = ["entity=accounts", "mode=on-or-after"] },
            new() { From = "2026-09-01", To = "2026-11-15", Grain = "day", Options = ["mode=on"] },
        ],
        ["feature-adoption"] =
        [
            new() { Options = ["feature=export"] }, new() { Options = ["feature=export", "level=accounts"], Grain = "week" },
            new() { Options = ["feature=report_generated"], GroupBy = ["segment"] },
        ],
        ["feature-breadth"] = [new() { Options = ["features=4"] }],
        ["sessions"] = [new() { Options = ["gap=90"] }, new() { Options = ["gap=5"], Grain = "week" }],
        ["cltv"] = [new() { Options = ["gross-margin=80"] }],
        ["revenue-churn"] = [new() { Variant = "net" }, new() { Variant = "gross", Grain = "month", From = "2026-06-01", To = "2026-11-01" }],
    };

    /// <summary>The argument sets for one KPI: the common ones (with its required metric or option) and its own.</summary>
    public static IEnumerable<KpiArguments> For(KpiDefinition definition)
    {
        var required = definition.Name == "feature-adoption" ? ["feature=login"] : Array.Empty<string>();
        var metric = definition.RequiresMetric ? "api_call" : null;
        foreach (var common in s_common)
        {
            yield return common with { Metric = metric, Options = required };
        }
        foreach (var specific in s_specific.GetValueOrDefault(definition.Name, []))
        {
            yield return specific with { Metric = specific.Metric ?? metric };
        }
    }
}
