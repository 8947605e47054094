namespace UsageLens.Insights.Churn;

/// <summary>The probability column ML.NET's calibrated logistic regression writes for each row.</summary>
internal sealed class ChurnScore
{
    public float Probability { get; set; }
}
