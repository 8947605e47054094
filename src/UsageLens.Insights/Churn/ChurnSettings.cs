namespace UsageLens.Insights.Churn;

/// <summary>
/// The parameters of a churn-risk run: the label horizon, how many past snapshots the model learns
/// from and how far apart, the fewest churned accounts a model needs, and the learner's seed.
/// </summary>
internal sealed record ChurnSettings(int HorizonDays, int Snapshots, int SpacingDays, int MinChurners, int Seed)
{
    /// <summary>Days of usage before a snapshot its features read: two 30-day windows.</summary>
    public const int FeatureDays = 60;

    /// <summary>The MRR change is measured over this many days.</summary>
    public const int MrrChangeDays = 90;

    /// <summary>Tenure and days since last activity are capped here, the history read before each snapshot.</summary>
    public const int CapDays = 90;

    /// <summary>The label is checked on MRR read every this many days through the horizon.</summary>
    public const int LabelStepDays = 7;

    /// <summary>
    /// The past snapshot days, latest first: as-of − horizon − 1, then every <see cref="SpacingDays"/>
    /// earlier, so each label (MRR to 0 in the following <see cref="HorizonDays"/> days) is known
    /// from data before the as-of day.
    /// </summary>
    public IReadOnlyList<DateOnly> SnapshotDays(DateOnly asOf) =>
        Enumerable.Range(0, Snapshots).Select(k => asOf.AddDays(-HorizonDays - 1 - (k * SpacingDays))).ToList();
}
