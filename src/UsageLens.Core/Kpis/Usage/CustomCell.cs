namespace UsageLens.Core.Kpis.Usage;

/// <summary>A custom metric's value in one row, with the parts it came from.</summary>
internal sealed record CustomCell(double? Value, IReadOnlyList<KpiPart> Parts);
