namespace UsageLens.Insights.Accounts;

/// <summary>A meter an account did not use in the last 30 days that <see cref="Users"/> of its <see cref="Peers"/> active peers used.</summary>
internal sealed record FeatureGap(string Meter, int Users, int Peers)
{
    public double Share => (double)Users / Peers;
}
