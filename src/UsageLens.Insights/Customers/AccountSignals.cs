using UsageLens.Insights.Adoption;
using UsageLens.Insights.Anomalies;
using UsageLens.Insights.Churn;
using UsageLens.Insights.Health;
using UsageLens.Insights.Signals;
using UsageLens.Insights.Upsell;

namespace UsageLens.Insights.Customers;

/// <summary>
/// Which playbook signal (<see cref="Core.Configuration.Playbooks.Signals"/>) an insight's finding about an account
/// stands for, so the configured action can be shown beside it; null when it stands for none.
/// </summary>
public static class AccountSignals
{
    public static string? Of(string insight, InsightFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return insight switch
        {
            ChurnRiskInsight.Name when finding.Kind == "high" => "churn-risk",
            HealthInsight.Name when finding.Kind == "at-risk" => "at-risk",
            AdoptionAssistanceInsight.Name => "low-adoption",
            UpsellInsight.Name => "upsell",
            SignalsInsight.Name => "buying-signal",
            AnomaliesInsight.Name when finding.Subject != "workspace" => "usage-anomaly",
            _ => null,
        };
    }
}
