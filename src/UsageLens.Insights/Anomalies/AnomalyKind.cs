namespace UsageLens.Insights.Anomalies;

/// <summary>Whether a departure was a blip or a change, which decides how often it is reported.</summary>
public enum AnomalyKind
{
    /// <summary>The series departed and returned to normal within the confirmation days.</summary>
    Anomaly,

    /// <summary>The series moved to a new level and stayed there: reported once, on the first day.</summary>
    LevelShift,

    /// <summary>The series dropped to nothing and stayed there: reported once, on the first day.</summary>
    Stopped,

    /// <summary>Too recent to tell a blip from a change: fewer than three days followed it.</summary>
    Ongoing,
}
