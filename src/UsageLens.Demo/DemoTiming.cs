namespace UsageLens.Demo;

/// <summary>When things happen in an account's storyline, in days from the window start.</summary>
internal sealed record DemoTiming(int SignupDay, int ActiveFrom, int ActiveUntil, int FadeFrom, int ChangeDay, int EarlierChurnDay)
{
    public static DemoTiming For(DemoTrajectory trajectory, string segment, int days, DemoRandom random)
    {
        // Enterprise customers tend to be older logos.
        var tenure = segment == "enterprise" ? random.Next(300, 2200) : random.Next(90, 1500);
        var change = random.Next((int)(days * 0.35), (int)(days * 0.85));
        return trajectory switch
        {
            DemoTrajectory.Expander or DemoTrajectory.Contractor => new(-tenure, 0, days, days, change, 0),
            DemoTrajectory.Churner => Churner(-tenure, days, random),
            DemoTrajectory.Reactivated => Reactivated(-tenure, days, random),
            DemoTrajectory.NewCustomer => Joiner(random.Next(0, days - 21), days, 0),
            DemoTrajectory.TrialConverted => Joiner(random.Next(0, days - 35), days, random.Next(14, 31)),
            DemoTrajectory.TrialLapsed => Lapsed(random.Next(0, days - 30), random),
            _ => new(-tenure, 0, days, days, days, 0),
        };
    }

    // Usage fades for three to seven weeks before the subscription is cancelled.
    private static DemoTiming Churner(int signup, int days, DemoRandom random)
    {
        var churn = random.Next(Math.Max(35, (int)(days * 0.45)), days - 3);
        var fadeFrom = Math.Max(14, churn - random.Next(21, 50));
        return new(signup, 0, churn, fadeFrom, churn, 0);
    }

    private static DemoTiming Reactivated(int signup, int days, DemoRandom random)
    {
        var earlierChurn = -random.Next(30, Math.Max(31, Math.Min(-signup - 60, 240)));
        var comeback = random.Next((int)(days * 0.2), (int)(days * 0.7));
        return new(signup, comeback, days, days, comeback, earlierChurn);
    }

    private static DemoTiming Joiner(int signup, int days, int conversionDelay) =>
        new(signup, signup, days, days, signup + conversionDelay, 0);

    private static DemoTiming Lapsed(int signup, DemoRandom random) =>
        new(signup, signup, signup + random.Next(18, 29), signup + 30, signup + 14, 0);
}
