using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>Asserts that a KPI computed on DuckDB agrees with the reference: counts exactly, fractions within 1e-9 relative.</summary>
internal static class Agreement
{
    public static void Same(ExpectedKpi expected, double? value, IReadOnlyList<KpiPart> parts, string what)
    {
        Close(expected.Value, value, $"{what}: value");
        foreach (var (name, expectedPart) in expected.Parts)
        {
            var part = parts.FirstOrDefault(p => p.Name == name) ?? throw new Xunit.Sdk.XunitException($"{what}: no part '{name}' among {string.Join(", ", parts.Select(p => p.Name))}");
            Close(expectedPart, part.Value, $"{what}: part {name}");
        }
    }

    public static void Same(ExpectedKpi expected, KpiResult result, string what) => Same(expected, result.Value, result.Parts, what);

    /// <summary>The result's comparison with the previous period agrees with the reference over that period.</summary>
    public static void SamePrevious(ExpectedKpi expected, KpiResult result, string what)
    {
        Assert.True(result.Previous is not null, $"{what}: no previous period");
        Same(expected, result.Previous.Value, result.Previous.Parts, $"{what} (previous period)");
    }

    public static void Same(ExpectedKpi expected, KpiRow row, string what) => Same(expected, row.Value, row.Parts, $"{what} row {Describe(row)}");

    public static void Close(double? expected, double? actual, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{what}: expected {Show(expected)}, got {Show(actual)}");
            return;
        }
        var tolerance = 1e-9 * Math.Max(1, Math.Max(Math.Abs(expected.Value), Math.Abs(actual.Value)));
        Assert.True(Math.Abs(expected.Value - actual.Value) <= tolerance, $"{what}: expected {Show(expected)}, got {Show(actual)}");
    }

    /// <summary>
    /// Each row, keyed by <paramref name="key"/>, agrees with the reference for its key value; the
    /// keys are distinct and include every one of <paramref name="required"/>.
    /// </summary>
    public static void Rows(IReadOnlyList<KpiRow>? rows, string key, Func<string?, ExpectedKpi> expected, IEnumerable<string?> required, string what)
    {
        Assert.True(rows is not null, $"{what}: no rows");
        var keys = rows.Select(r => Key(r, key)).ToList();
        Assert.True(keys.Count == keys.Distinct().Count(), $"{what}: repeated {key} among {string.Join(", ", keys)}");
        foreach (var row in rows)
        {
            Same(expected(Key(row, key)), row, what);
        }
        foreach (var needed in required)
        {
            Assert.True(keys.Contains(needed), $"{what}: no row for {key}={needed ?? "null"} among {string.Join(", ", keys)}");
        }
    }

    /// <summary>The value of a row's key, such as its <c>period</c> or <c>segment</c>.</summary>
    public static string? Key(KpiRow row, string name) =>
        row.Keys.Any(k => k.Key == name) ? row.Keys.First(k => k.Key == name).Value : throw new Xunit.Sdk.XunitException($"row {Describe(row)} has no key '{name}'");

    public static string Describe(KpiRow row) => string.Join(", ", row.Keys.Select(k => $"{k.Key}={k.Value ?? "null"}"));

    private static string Show(double? value) => value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "null";
}
