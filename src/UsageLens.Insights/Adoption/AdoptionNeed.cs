namespace UsageLens.Insights.Adoption;

/// <summary>One reason an account needs adoption help: its kind, how far below the bar it is (0–1), and the evidence.</summary>
internal sealed record AdoptionNeed(string Kind, double Severity, string Why);
