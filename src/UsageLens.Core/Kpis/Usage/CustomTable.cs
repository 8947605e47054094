namespace UsageLens.Core.Kpis.Usage;

/// <summary>
/// A custom metric evaluated for every group and bucket: <see cref="Cells"/> is keyed by the bucket
/// label (null without a grain) and the joined group values (<see cref="RowKeys.Join"/>).
/// </summary>
internal sealed record CustomTable(
    IReadOnlyList<string?> Periods,
    IReadOnlyDictionary<string, string?[]> Groups,
    IReadOnlyDictionary<(string? Period, string Group), CustomCell> Cells);
