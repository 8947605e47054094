namespace UsageLens.Core.Kpis;

/// <summary>
/// A phrase a question may name a KPI by. <see cref="Option"/> (<c>measure=dau</c>) or <see cref="Variant"/>
/// (<c>net</c>) refine the KPI when the phrase names one form of it.
/// </summary>
public sealed record KpiSynonym(string Phrase)
{
    public string? Option { get; init; }

    public string? Variant { get; init; }

    /// <summary>Plain synonyms, one per phrase.</summary>
    public static IEnumerable<KpiSynonym> Phrases(params string[] phrases) => phrases.Select(p => new KpiSynonym(p));
}
