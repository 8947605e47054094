namespace UsageLens.Core.Configuration.Alerts;

/// <summary>Fires when an account's churn risk rises above a probability (it fires again only after falling back to or below it).</summary>
/// <param name="Probability">The risk, from 0 to 1, above which the rule fires.</param>
public sealed record ChurnRiskAlertRule(string Name, string Schedule, IReadOnlyList<WebhookTarget> Webhooks, double Probability)
    : AlertRule(Name, Schedule, Webhooks)
{
    public const string KindName = "churn-risk";

    public override string Kind => KindName;
}
