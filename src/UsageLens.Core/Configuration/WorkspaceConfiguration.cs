using UsageLens.Core.Finance;
using UsageLens.Core.Semantics.Custom;

namespace UsageLens.Core.Configuration;

/// <summary>What a workspace's configuration file defines: rate plans by plan name, custom metrics by name, and which events count as activity.</summary>
public sealed record WorkspaceConfiguration(IReadOnlyDictionary<string, RatePlan> RatePlans)
{
    public static WorkspaceConfiguration Empty { get; } = new(new Dictionary<string, RatePlan>());

    /// <summary>Custom metrics by name; formulas may use each other, never in a cycle.</summary>
    public IReadOnlyDictionary<string, CustomMetric> Metrics { get; init; } = new Dictionary<string, CustomMetric>();

    /// <summary>The events that count as activity for the engagement KPIs; empty means every event with a user_id.</summary>
    public IReadOnlyList<string> ActivityEvents { get; init; } = [];

    /// <summary>Words of free-text questions mapped to a metered event, a KPI or dimension=value (<c>questions.synonyms</c>).</summary>
    public IReadOnlyDictionary<string, string> QuestionSynonyms { get; init; } = new Dictionary<string, string>();

    /// <summary>The day weeks start on for questions such as "last week" (<c>questions.week_start</c>; default Monday).</summary>
    public DayOfWeek WeekStart { get; init; } = DayOfWeek.Monday;

    /// <summary>The OpenAI-compatible endpoint of the optional language-model adapter (<c>questions.llm.url</c>); null leaves it off.</summary>
    public string? LanguageModelUrl { get; init; }

    /// <summary>The model the adapter asks for (<c>questions.llm.model</c>).</summary>
    public string? LanguageModelName { get; init; }

    /// <summary>How the health insight weighs and bands its components (<c>health</c>); the defaults when absent.</summary>
    public HealthSettings Health { get; init; } = HealthSettings.Default;

    /// <summary>The alert rules (<c>alerts</c>), in the file's order.</summary>
    public IReadOnlyList<Alerts.AlertRule> Alerts { get; init; } = [];

    /// <summary>The recommended action per account signal (<c>playbooks</c>); none when absent.</summary>
    public Playbooks Playbooks { get; init; } = Playbooks.None;

    /// <summary>Who sees personal data masked and which traits are personal (<c>privacy</c>); the defaults when absent.</summary>
    public PrivacySettings Privacy { get; init; } = PrivacySettings.Default;

    /// <summary>The scheduled reports (<c>reports</c>), in the file's order.</summary>
    public IReadOnlyList<Reports.ScheduledReport> Reports { get; init; } = [];

    /// <summary>The file it was read from, for messages; null when it came from no file.</summary>
    public string? Source { get; init; }
}
