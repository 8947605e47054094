namespace UsageLens.Demo;

/// <summary>
/// The hidden parameters behind one account's storyline. Days are indices from the window start;
/// negative days are before the window. Usage, seats and users are functions of the day so the
/// usage plan, the subscription timeline and the user list all tell the same story.
/// </summary>
internal sealed class DemoStory
{
    public required int Index { get; init; }
    public required string AccountId { get; init; }
    public required string Segment { get; init; }
    public required string Region { get; init; }
    public required DemoTrajectory Trajectory { get; init; }
    public required string Name { get; init; }
    public required string Domain { get; init; }
    public required string Industry { get; init; }
    public required string? PartnerId { get; init; }
    public required int Employees { get; init; }

    /// <summary>The day the account signed up (negative when before the window).</summary>
    public required int SignupDay { get; init; }

    /// <summary>The first day with usage in the window.</summary>
    public required int ActiveFrom { get; init; }

    /// <summary>The first day without usage (churn or trial lapse); the window length when usage never stops.</summary>
    public required int ActiveUntil { get; init; }

    /// <summary>Churners: the day usage starts to fade. Others: the same as <see cref="ActiveUntil"/>.</summary>
    public required int FadeFrom { get; init; }

    /// <summary>Expansion, contraction, trial conversion or reactivation day; MRR changes here.</summary>
    public required int ChangeDay { get; init; }

    /// <summary>Reactivated accounts: the day (before the window) they first churned.</summary>
    public required int EarlierChurnDay { get; init; }

    /// <summary>How far usage has moved by the end of the change (above 1 grows, below 1 shrinks).</summary>
    public required double Growth { get; init; }

    public required int SeatsBefore { get; init; }
    public required int SeatsAfter { get; init; }
    public required int UsersBefore { get; init; }
    public required int UsersAfter { get; init; }
    public required string PlanBefore { get; init; }
    public required string PlanAfter { get; init; }
    public required double DiscountPct { get; init; }

    /// <summary>API calls per licensed seat on a weekday.</summary>
    public required double ApiPerSeat { get; init; }

    /// <summary>The share of users active on a weekday.</summary>
    public required double Adoption { get; init; }

    public required double StorageGb { get; init; }
    public required double StorageGrowthPerDay { get; init; }
    public required double JobsPerDay { get; init; }
    public required double GbPerJob { get; init; }
    public required double MinutesPerJob { get; init; }

    public bool IsTrial(int day) =>
        Trajectory is DemoTrajectory.TrialLapsed || (Trajectory is DemoTrajectory.TrialConverted && day < ChangeDay);

    /// <summary>The usage level on <paramref name="day"/> relative to the account's normal (1).</summary>
    public double Trend(int day)
    {
        if (day < ActiveFrom || day >= ActiveUntil)
        {
            return 0;
        }
        var onboarding = Ramp(day - ActiveFrom, Trajectory is DemoTrajectory.Steady or DemoTrajectory.Expander or DemoTrajectory.Contractor or DemoTrajectory.Churner ? 0 : 21);
        return onboarding * Trajectory switch
        {
            // Usage moves first and the contract follows: the ramp is centred ten days before the MRR change.
            DemoTrajectory.Expander => 1 + ((Growth - 1) * SmoothStep(day, ChangeDay - 10, 24)),
            DemoTrajectory.Contractor => 1 - ((1 - Growth) * SmoothStep(day, ChangeDay - 10, 24)),
            DemoTrajectory.Churner => day < FadeFrom ? 1 : Math.Max(0.04, 1 - ((day - FadeFrom + 1) / (double)(ActiveUntil - FadeFrom))),
            // A lapsed trial explores for a week, then drifts away before the trial ends.
            DemoTrajectory.TrialLapsed => day < ChangeDay - 6 ? 1 : 0.35,
            _ => 1,
        };
    }

    /// <summary>How many of the account's users (by ordinal) exist on <paramref name="day"/>.</summary>
    public int UserPool(int day) => Trajectory == DemoTrajectory.Expander
        ? (int)Math.Round(UsersBefore + ((UsersAfter - UsersBefore) * SmoothStep(day, ChangeDay - 10, 24)))
        : UsersBefore;

    public int Seats(int day) => day < ChangeDay ? SeatsBefore : SeatsAfter;

    private static double Ramp(int daysIn, int length) => length == 0 ? 1 : Math.Clamp((daysIn + 1) / (double)length, 0.15, 1);

    private static double SmoothStep(int day, int centre, int width)
    {
        var x = Math.Clamp(((day - centre) / (double)width) + 0.5, 0, 1);
        return x * x * (3 - (2 * x));
    }
}
