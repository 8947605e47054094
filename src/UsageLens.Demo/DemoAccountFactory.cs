namespace UsageLens.Demo;

/// <summary>Invents the accounts: who they are (segment, region, partner, name) and the storyline each follows.</summary>
internal static class DemoAccountFactory
{
    private static readonly (string, double)[] s_segments = [("enterprise", 0.10), ("mid-market", 0.30), ("smb", 0.60)];

    private static readonly (DemoTrajectory, double)[] s_trajectories =
    [
        (DemoTrajectory.Steady, 0.47), (DemoTrajectory.Expander, 0.14), (DemoTrajectory.Contractor, 0.08),
        (DemoTrajectory.Churner, 0.11), (DemoTrajectory.Reactivated, 0.06), (DemoTrajectory.NewCustomer, 0.06),
        (DemoTrajectory.TrialConverted, 0.05), (DemoTrajectory.TrialLapsed, 0.03),
    ];

    private static readonly string[] s_regions = ["NA", "EMEA", "APAC", "LATAM"];
    private static readonly double[] s_regionWeights = [0.45, 0.30, 0.15, 0.10];

    public static List<DemoStory> Create(DemoOptions options, DemoRandom random)
    {
        var segments = DemoQuota.Deal(random, options.Accounts, s_segments);
        var trajectories = DemoQuota.Deal(random, options.Accounts, s_trajectories);
        var names = new DemoCompanyNames(random.Fork(1));
        var stories = new List<DemoStory>(options.Accounts);
        for (var i = 0; i < options.Accounts; i++)
        {
            stories.Add(CreateStory(i, segments[i], trajectories[i], options.Days, names, random.Fork((ulong)i + 100)));
        }
        return stories;
    }

    private static DemoStory CreateStory(int index, string segment, DemoTrajectory trajectory, int days, DemoCompanyNames names, DemoRandom random)
    {
        var region = s_regions[random.PickWeighted(s_regionWeights)];
        var company = names.Next(region);
        var timing = DemoTiming.For(trajectory, segment, days, random);
        var size = DemoSize.For(segment, trajectory, random);
        return new DemoStory
        {
            Index = index,
            AccountId = $"acct-{index + 1:D4}",
            Segment = segment,
            Region = region,
            Trajectory = trajectory,
            Name = company.Name,
            Domain = company.Domain,
            Industry = company.Industry,
            PartnerId = random.Chance(0.4) ? DemoNames.Partners[random.PickWeighted(DemoNames.PartnerWeights)].PartnerId : null,
            Employees = RoundToNice(size.SeatsBefore * random.Between(2, 9)),
            SignupDay = timing.SignupDay,
            ActiveFrom = timing.ActiveFrom,
            ActiveUntil = timing.ActiveUntil,
            FadeFrom = timing.FadeFrom,
            ChangeDay = timing.ChangeDay,
            EarlierChurnDay = timing.EarlierChurnDay,
            Growth = size.Growth,
            SeatsBefore = size.SeatsBefore,
            SeatsAfter = size.SeatsAfter,
            UsersBefore = size.UsersBefore,
            UsersAfter = size.UsersAfter,
            PlanBefore = size.PlanBefore,
            PlanAfter = size.PlanAfter,
            DiscountPct = size.DiscountPct,
            ApiPerSeat = size.ApiPerSeat,
            Adoption = random.Between(0.35, 0.75),
            StorageGb = size.SeatsBefore * random.LogNormal(1.5, 0.5),
            StorageGrowthPerDay = random.Between(0.0005, 0.002) * (trajectory == DemoTrajectory.Expander ? 3 : 1),
            JobsPerDay = size.JobsPerDay,
            GbPerJob = random.LogNormal(segment == "enterprise" ? 8 : segment == "mid-market" ? 2 : 0.5, 0.6),
            MinutesPerJob = random.LogNormal(12, 0.5),
        };
    }

    private static int RoundToNice(double value)
    {
        var magnitude = Math.Pow(10, Math.Max(0, Math.Floor(Math.Log10(Math.Max(value, 1))) - 1));
        return (int)(Math.Max(1, Math.Round(value / magnitude)) * magnitude);
    }
}
