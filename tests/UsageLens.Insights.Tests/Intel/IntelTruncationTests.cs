using System.Text.Json;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Insights.Accounts;

namespace UsageLens.Insights.Tests.Intel;

public sealed class IntelTruncationTests
{
    public static TheoryData<string> Insights => ["trial-conversion", "discounts", "rate-plan-fit", "benchmark", "adoption-assistance", "feature-gaps", "survey-targets", "references", "campaign-audiences", "signals"];

    [Theory]
    [MemberData(nameof(Insights))]
    public async Task Removing_everything_on_or_after_the_as_of_day_changes_nothing(string insight)
    {
        using var full = await IntelWorkspace.OpenAsync();
        using var truncated = await IntelWorkspace.OpenAsync(IntelWorkspace.AsOf);
        var request = IntelWorkspace.Request(AccountScope.All);

        var fromFull = JsonSerializer.Serialize(await IntelWorkspace.ComputeAsync(full, insight, request));
        var fromTruncated = JsonSerializer.Serialize(await IntelWorkspace.ComputeAsync(truncated, insight, request));

        Assert.Equal(fromTruncated, fromFull);
    }

    [Fact]
    public async Task The_subscription_history_holds_only_rows_before_as_of()
    {
        using var store = await IntelWorkspace.OpenAsync();
        var context = await KpiContext.CreateAsync(store.Queries, CancellationToken.None, IntelWorkspace.Configuration);

        var history = await SubscriptionHistoryReader.ReadAsync(IntelWorkspace.Request(AccountScope.All), context, "test", CancellationToken.None);

        // c1's pro row (5 September), t2's conversion (3 September) and d1's list price (1 September) are on or after as-of.
        Assert.Equal(["growth", "growth"], history.Rows["c1"].Select(r => r.Plan));
        Assert.True(history.Current("t2")!.IsTrial);
        Assert.Equal(180, history.Current("d1")!.Mrr);
        Assert.Equal(200, history.Current("d1")!.ListMrr, 9);
        Assert.Equal(["c1", "c2", "c3"], history.ConvertedFromTrial());
        Assert.True(history.Current("t4")!.IsTrial);
        Assert.True(history.Current("t3")!.IsTrial);
        Assert.False(history.Current("d4")!.IsDiscounted);
    }
}
