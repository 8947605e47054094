namespace UsageLens.Insights.Anomalies;

/// <summary>Whether a day came in above or below its expected range.</summary>
public enum AnomalyDirection
{
    Spike,
    Drop,
}
