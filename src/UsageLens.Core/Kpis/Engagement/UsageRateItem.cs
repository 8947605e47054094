namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Either a day of activity or a known user, so both can be split into the same breakdown groups.</summary>
internal sealed record UsageRateItem(ActiveDay? Active, KnownUser? Known)
{
    public string? Account => Active?.Account ?? Known?.Account;
}
