namespace UsageLens.Demo;

/// <summary>How big an account is and how hard it uses the product, before and after its change.</summary>
internal sealed record DemoSize(
    int SeatsBefore, int SeatsAfter, int UsersBefore, int UsersAfter, string PlanBefore, string PlanAfter,
    double DiscountPct, double ApiPerSeat, double JobsPerDay, double Growth)
{
    private const int MaxUsers = 800;

    public static DemoSize For(string segment, DemoTrajectory trajectory, DemoRandom random)
    {
        // Log-normal seats per segment give the heavy tail: a handful of enterprises dwarf hundreds of SMBs.
        var (seats, apiPerSeat, plan, discount) = segment switch
        {
            "enterprise" => (Math.Max(60, (int)random.LogNormal(220, 0.7)), random.LogNormal(1.3, 0.9),
                random.Chance(0.85) ? DemoPricing.Enterprise : DemoPricing.Pro, Math.Round(random.Between(10, 30))),
            "mid-market" => (Math.Max(12, (int)random.LogNormal(45, 0.6)), random.LogNormal(0.8, 0.7),
                random.Chance(0.5) ? DemoPricing.Pro : DemoPricing.Growth, random.Chance(0.4) ? Math.Round(random.Between(5, 15)) : 0),
            _ => (Math.Clamp((int)random.LogNormal(8, 0.6), 2, 40), random.LogNormal(0.8, 0.7),
                random.Chance(0.6) ? DemoPricing.Starter : DemoPricing.Growth, 0d),
        };
        var users = Math.Clamp((int)Math.Round(seats * random.Between(0.55, 0.95)), 1, MaxUsers);
        var pipelines = plan is DemoPricing.Pro or DemoPricing.Enterprise || random.Chance(0.3);
        var jobs = pipelines ? 0.5 + random.LogNormal(seats * 0.05, 0.5) : 0;
        return trajectory switch
        {
            DemoTrajectory.Expander => Expanded(seats, users, plan, discount, apiPerSeat, jobs, random),
            DemoTrajectory.Contractor => Contracted(seats, users, plan, discount, apiPerSeat, jobs, random),
            _ => new(seats, seats, users, users, plan, plan, discount, apiPerSeat, jobs, 1),
        };
    }

    private static DemoSize Expanded(int seats, int users, string plan, double discount, double apiPerSeat, double jobs, DemoRandom random)
    {
        var growth = random.Between(1.4, 2.3);
        var seatsAfter = (int)Math.Ceiling(seats * random.Between(1.25, 1.8));
        var usersAfter = Math.Min(MaxUsers, Math.Max(users + 1, (int)Math.Round(users * (1 + growth) / 2)));
        var planAfter = random.Chance(0.3) ? DemoPricing.Upgrade(plan) : plan;
        return new(seats, seatsAfter, users, usersAfter, plan, planAfter, discount, apiPerSeat, jobs, growth);
    }

    private static DemoSize Contracted(int seats, int users, string plan, double discount, double apiPerSeat, double jobs, DemoRandom random)
    {
        var seatsAfter = Math.Max(1, (int)(seats * random.Between(0.5, 0.8)));
        var planAfter = random.Chance(0.25) ? DemoPricing.Downgrade(plan) : plan;
        return new(seats, seatsAfter, users, users, plan, planAfter, discount, apiPerSeat, jobs, random.Between(0.45, 0.75));
    }
}
