namespace UsageLens.Core.Configuration;

/// <summary>
/// Partner playbooks (<c>playbooks</c> in the configuration file): for each account signal, the action a
/// partner or customer-success team should take, shown beside the accounts that carry the signal.
/// </summary>
public sealed record Playbooks(IReadOnlyDictionary<string, string> Actions)
{
    public static Playbooks None { get; } = new(new Dictionary<string, string>());

    /// <summary>
    /// The signals a playbook may name: churn-risk (the churn-risk insight bands the account high), at-risk (health
    /// bands it at risk), low-adoption (adoption-assistance lists it), upsell (upsell lists it), buying-signal (signals
    /// lists it) and usage-anomaly (anomalies found one in its usage).
    /// </summary>
    public static IReadOnlyList<string> Signals { get; } = ["churn-risk", "at-risk", "low-adoption", "upsell", "buying-signal", "usage-anomaly"];

    /// <summary>The configured action for <paramref name="signal"/>, or null when the playbook names none.</summary>
    public string? ActionFor(string signal) => Actions.GetValueOrDefault(signal);
}
