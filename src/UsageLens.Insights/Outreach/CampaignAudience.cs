namespace UsageLens.Insights.Outreach;

/// <summary>A named campaign audience: its rule in words and its members, each with the reason it belongs.</summary>
internal sealed record CampaignAudience(string Name, string Rule, IReadOnlyList<(string Account, string Why)> Members);
