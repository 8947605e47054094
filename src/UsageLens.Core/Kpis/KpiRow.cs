namespace UsageLens.Core.Kpis;

/// <summary>One row of a breakdown: its keys (<c>period</c> and the group-by dimensions), value and parts.</summary>
public sealed record KpiRow(IReadOnlyList<KeyValuePair<string, string?>> Keys, double? Value, IReadOnlyList<KpiPart> Parts);
