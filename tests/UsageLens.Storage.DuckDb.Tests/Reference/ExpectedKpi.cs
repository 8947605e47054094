namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>What the reference implementation says a KPI (or one breakdown row) should be: its value and the parts it checks.</summary>
internal sealed record ExpectedKpi(double? Value, IReadOnlyDictionary<string, double?> Parts)
{
    public ExpectedKpi(double? value, params (string Name, double? Value)[] parts)
        : this(value, parts.ToDictionary(p => p.Name, p => p.Value))
    {
    }
}
