namespace UsageLens.Insights.Anomalies;

/// <summary>The parameters of the anomaly scan; docs/insights.md explains each and how the defaults were chosen.</summary>
/// <param name="Threshold">The robust z-score a day must reach to be flagged; it is also the finding's minimum severity.</param>
/// <param name="BaselineDays">How many days before a day its expected value is learned from.</param>
/// <param name="MinHistoryDays">How many usable days a baseline needs before a day is judged at all.</param>
/// <param name="MinVolume">The typical daily volume (in the metric's unit) below which a series is too small to judge.</param>
/// <param name="ConfirmDays">How many days after a flagged day decide whether it returned to normal or shifted.</param>
/// <param name="SparseZeroShare">The share of zero days in the baseline from which a zero day counts as normal.</param>
/// <param name="SpreadFloor">The least spread, as a share of the level, so a perfectly steady series does not flag noise.</param>
public sealed record AnomalySettings(
    double Threshold = AnomalySettings.DefaultThreshold,
    int BaselineDays = 28,
    int MinHistoryDays = 14,
    double MinVolume = 10,
    int ConfirmDays = 5,
    double SparseZeroShare = 0.1,
    double SpreadFloor = 0.1)
{
    public const double DefaultThreshold = 8;

    /// <summary>The share of later days that must stay beyond half the threshold for a change point.</summary>
    public const double ShiftShare = 0.8;

    /// <summary>The fewest later days that can confirm a change point; with fewer the finding is <c>ongoing</c>.</summary>
    public const int MinConfirmDays = 3;
}
