namespace UsageLens.Core.Kpis.Usage;

/// <summary>One of the heaviest users of a metric and its share of the total, in percent.</summary>
public sealed record ConcentrationLeader(string Account, double Usage, double Share);
