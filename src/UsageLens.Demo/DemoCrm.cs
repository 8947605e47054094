using UsageLens.Core.Subscriptions;

namespace UsageLens.Demo;

/// <summary>What the CRM says about each account: revenue to date, contract value, lifetime value, the strategic flag.</summary>
internal static class DemoCrm
{
    private const double GrossMargin = 0.78;
    private const double StrategicShare = 0.05;

    public static List<DemoAccount> Describe(IReadOnlyList<DemoStory> stories, IReadOnlyList<List<SubscriptionChange>> timelines, DemoOptions options, DemoRandom random)
    {
        var asOf = options.EndDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var accounts = stories.Select((story, i) => Describe(story, timelines[i], options, asOf, random.Fork((ulong)i))).ToList();
        var strategicCount = Math.Max(1, (int)Math.Round(accounts.Count * StrategicShare));
        var strategic = accounts
            .Where(a => a.ContractValue > 0)
            .OrderByDescending(a => a.ContractValue).ThenBy(a => a.AccountId, StringComparer.Ordinal)
            .Take(strategicCount)
            .Select(a => a.AccountId)
            .ToHashSet(StringComparer.Ordinal);
        return accounts.Select(a => strategic.Contains(a.AccountId) ? a with { Strategic = true } : a).ToList();
    }

    private static DemoAccount Describe(DemoStory story, List<SubscriptionChange> timeline, DemoOptions options, DateTime asOf, DemoRandom random)
    {
        var lastPaid = timeline.LastOrDefault(t => t.Mrr > 0);
        var monthly = lastPaid?.Mrr ?? 0;
        var revenue = DemoSubscriptionTimeline.Revenue(timeline, asOf);
        var (termYears, lifetimeMonths) = story.Segment switch
        {
            "enterprise" => (random.Next(1, 4), 72),
            "mid-market" => (1, 40),
            _ => (1, 24),
        };
        var churned = timeline[^1].Mrr == 0;
        // The CRM record is opened a little before the subscription starts, so it precedes every user and event.
        var signup = options.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
            .AddDays(story.SignupDay).AddHours(-random.Next(2, 72)).AddMinutes(random.Next(60));
        return new DemoAccount(
            story.AccountId, story.Name, story.Domain, story.Industry, story.Segment, story.Region,
            lastPaid?.Plan ?? story.PlanBefore, story.PartnerId, revenue,
            ContractValue: Math.Round(monthly * 12 * termYears, 2),
            Cltv: churned ? revenue : Math.Round(monthly * lifetimeMonths * GrossMargin, 2),
            Strategic: false,
            LicensedSeats: lastPaid?.Seats ?? story.SeatsBefore,
            story.Employees, signup, story.Trajectory);
    }
}
