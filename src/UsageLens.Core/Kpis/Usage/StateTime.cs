namespace UsageLens.Core.Kpis.Usage;

/// <summary>Time observed and time up, summed over the entities of one row, and how many entities were observed.</summary>
internal sealed class StateTime
{
    public TimeSpan Up { get; private set; }

    public TimeSpan Observed { get; private set; }

    public int Entities { get; private set; }

    public void Add(TimeSpan up, TimeSpan observed)
    {
        Up += up;
        Observed += observed;
        Entities++;
    }

    /// <summary>Up time as a percentage of observed time; null when nothing was observed.</summary>
    public double? Percent => Observed > TimeSpan.Zero ? 100.0 * Up.Ticks / Observed.Ticks : null;
}
