namespace UsageLens.Core.Configuration.Alerts;

/// <summary>On which side of its value a threshold rule holds.</summary>
public enum ThresholdDirection
{
    /// <summary>The KPI is strictly greater than the value.</summary>
    Above,

    /// <summary>The KPI is strictly less than the value.</summary>
    Below,
}
