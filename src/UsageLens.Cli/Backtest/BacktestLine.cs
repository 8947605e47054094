namespace UsageLens.Cli.Backtest;

/// <summary>
/// How well one insight finds one of the demo's storylines: of the accounts (or account-days) the demo
/// made that way, how many the insight flags (recall), and of those it flags, how many are (precision).
/// </summary>
internal sealed record BacktestLine(string Storyline, string Insight, DateOnly AsOf, int Actual, int Flagged, int Hits, int Found, string Rule)
{
    /// <summary>Flagged items that are in the storyline; 1 when nothing was flagged, as nothing was wrong.</summary>
    public double Precision => Flagged == 0 ? 1 : Hits / (double)Flagged;

    /// <summary>Items of the storyline the insight found; 1 when the demo made none.</summary>
    public double Recall => Actual == 0 ? 1 : Found / (double)Actual;
}
