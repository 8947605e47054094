namespace UsageLens.Insights.Outreach;

/// <summary>The thresholds of the campaign audiences: growth, seats near the limit, the win-back window, promoters' NPS, and the feature-gap rule.</summary>
internal sealed record CampaignSettings(double Growth, double Near, int WinBackDays, double Promoter, double PeerShare, int MinPeers);
