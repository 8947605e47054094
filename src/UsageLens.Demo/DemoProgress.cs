namespace UsageLens.Demo;

/// <summary>How far writing a demo workspace has got: <paramref name="Done"/> of <paramref name="Total"/> events.</summary>
public sealed record DemoProgress(string Stage, long Done, long Total)
{
    /// <summary>Completion between 0 and 1.</summary>
    public double Fraction => Total == 0 ? 1 : (double)Done / Total;
}
