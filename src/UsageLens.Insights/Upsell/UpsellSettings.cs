namespace UsageLens.Insights.Upsell;

/// <summary>The upsell thresholds: share of a limit that counts as near, usage growth, peer share and the fewest peers.</summary>
internal sealed record UpsellSettings(double Near, double Growth, double PeerShare, int MinPeers);
