namespace UsageLens.Insights.Churn;

/// <summary>Accounts whose predicted risk fell in [Low, High): how many, their mean prediction and the share that churned.</summary>
internal sealed record CalibrationBin(double Low, double High, int Count, double? Predicted, double? Observed);
