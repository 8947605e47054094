using UsageLens.Core.Subscriptions;

namespace UsageLens.Demo;

/// <summary>The MRR timeline that matches a storyline: signup, trial conversion, expansion, contraction, churn, comeback.</summary>
internal static class DemoSubscriptionTimeline
{
    private const string Currency = "USD";
    private const double TrialDiscountPct = 100;

    public static List<SubscriptionChange> Build(DemoStory story, DateOnly windowStart)
    {
        var before = Row(story, windowStart, story.SignupDay, story.PlanBefore, story.SeatsBefore);
        return story.Trajectory switch
        {
            DemoTrajectory.Expander or DemoTrajectory.Contractor =>
                [before, Row(story, windowStart, story.ChangeDay, story.PlanAfter, story.SeatsAfter)],
            DemoTrajectory.Churner => [before, Cancelled(story, windowStart, story.ActiveUntil, story.PlanBefore)],
            DemoTrajectory.Reactivated =>
                [before, Cancelled(story, windowStart, story.EarlierChurnDay, story.PlanBefore), Row(story, windowStart, story.ChangeDay, story.PlanBefore, story.SeatsBefore)],
            DemoTrajectory.TrialConverted => [Trial(story, windowStart), Row(story, windowStart, story.ChangeDay, story.PlanBefore, story.SeatsBefore)],
            DemoTrajectory.TrialLapsed => [Trial(story, windowStart)],
            _ => [before],
        };
    }

    /// <summary>Everything paid from signup to <paramref name="asOf"/>: each row's MRR for as long as it was in force.</summary>
    public static double Revenue(IReadOnlyList<SubscriptionChange> timeline, DateTime asOf)
    {
        double revenue = 0;
        for (var i = 0; i < timeline.Count; i++)
        {
            var until = i + 1 < timeline.Count ? timeline[i + 1].EffectiveAt : asOf;
            revenue += timeline[i].Mrr * (until - timeline[i].EffectiveAt).TotalDays / 30.4375;
        }
        return Math.Round(revenue, 2);
    }

    private static SubscriptionChange Row(DemoStory story, DateOnly windowStart, int day, string plan, int seats) =>
        new(story.AccountId, At(windowStart, day), plan, DemoPricing.Mrr(plan, seats, story.DiscountPct), Currency,
            story.DiscountPct, seats, DemoPricing.IncludedUnits(plan));

    private static SubscriptionChange Cancelled(DemoStory story, DateOnly windowStart, int day, string plan) =>
        new(story.AccountId, At(windowStart, day), plan, 0, Currency, null, 0, null);

    private static SubscriptionChange Trial(DemoStory story, DateOnly windowStart) =>
        new(story.AccountId, At(windowStart, story.SignupDay), DemoPricing.Growth, 0, Currency, TrialDiscountPct,
            story.SeatsBefore, DemoPricing.IncludedUnits(DemoPricing.Growth));

    private static DateTime At(DateOnly windowStart, int day) => windowStart.AddDays(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
