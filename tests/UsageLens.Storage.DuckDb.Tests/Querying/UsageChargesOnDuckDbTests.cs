using UsageLens.Configuration;
using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class UsageChargesOnDuckDbTests
{
    private static readonly UsageLens.Core.Configuration.WorkspaceConfiguration s_plans = WorkspaceConfigurationReader.Read("usagelens.yaml", """
        rate_plans:
          growth:
            meters:
              api_call: { included: 1000, unit_price: 0.01 }
          enterprise:
            meters:
              api_call:
                included: 5000
                tiers:
                  - { up_to: 1000, unit_price: 0.02 }
                  - { unit_price: 0.01 }
        """);

    [Fact]
    public async Task Each_account_is_charged_under_the_plan_in_force_at_the_period_end()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 1).Account("b", 1).Account("c", 1).Account("d", 1)
            // a: growth, 3,000 calls → (3,000 − 1,000) × 0.01 = 20.
            .Subscription("a", "2026-01-01", 100, "growth").Usage("a", "2026-10-04", 3000)
            // b: moved to enterprise on 10-15, so enterprise applies: 7,500 − 5,000 = 2,500 billable
            //    = 1,000 × 0.02 + 1,500 × 0.01 = 35.
            .Subscription("b", "2026-01-01", 100, "growth").Subscription("b", "2026-10-15", 900, "enterprise").Usage("b", "2026-10-04", 7500)
            // c: growth with its own allowance of 2,500: (3,000 − 2,500) × 0.01 = 5.
            .Subscription("c", "2026-01-01", 100, "growth", """{"api_call": 2500}""").Usage("c", "2026-10-04", 3000)
            // d: a plan with no rate plan: not charged, counted.
            .Subscription("d", "2026-01-01", 50, "legacy").Usage("d", "2026-10-04", 9999);

        var result = await workspace.KpiAsync("usage-charges", new KpiArguments { Period = "last-month", ComparePrevious = false }, configuration: s_plans);

        Assert.Equal(60.0, result.Value!.Value, 9);
        Assert.Equal((3d, 1d), (result.Parts.Single(p => p.Name == "accounts_charged").Value!.Value, result.Parts.Single(p => p.Name == "accounts_without_rate_plan").Value!.Value));
        Assert.Equal(
            [("a", "growth", 20.0), ("b", "enterprise", 35.0), ("c", "growth", 5.0)],
            result.Rows!.Select(r => (r.Keys[0].Value!, r.Keys[1].Value!, Math.Round(r.Value!.Value, 9))));
    }

    [Fact]
    public async Task A_later_subscription_row_without_an_allowance_or_a_plan_replaces_the_earlier_ones()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 1).Account("b", 1)
            // a had its own allowance of 2,500 until 10-10; the row from then on has none, so the plan's
            // 1,000 applies: (3,000 − 1,000) × 0.01 = 20, not (3,000 − 2,500) × 0.01 = 5.
            .Subscription("a", "2026-01-01", 100, "growth", """{"api_call": 2500}""").Subscription("a", "2026-10-10", 100, "growth").Usage("a", "2026-10-04", 3000)
            // b was on growth; its latest row names no plan, so it has no rate plan at the period's end.
            .Subscription("b", "2026-01-01", 100, "growth").Subscription("b", "2026-10-10", 100).Usage("b", "2026-10-04", 3000);

        var result = await workspace.KpiAsync("usage-charges", new KpiArguments { Period = "last-month", ComparePrevious = false }, configuration: s_plans);

        Assert.Equal(20.0, result.Value!.Value, 9);
        Assert.Equal(1d, result.Parts.Single(p => p.Name == "accounts_without_rate_plan").Value);
    }

    [Fact]
    public async Task Without_rate_plans_the_kpi_says_what_to_configure()
    {
        using var workspace = new SmallWorkspace().Account("a", 1).Usage("a", "2026-10-04", 1);

        var error = await Assert.ThrowsAsync<UsageLens.Core.UsageLensException>(() => workspace.KpiAsync("usage-charges", new KpiArguments()));

        Assert.StartsWith("usage-charges needs rate plans", error.Message, StringComparison.Ordinal);
    }
}
