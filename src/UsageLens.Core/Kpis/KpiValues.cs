using System.Globalization;

namespace UsageLens.Core.Kpis;

/// <summary>Conversions from engine values to the types KPIs compute with.</summary>
internal static class KpiValues
{
    public static double Number(object? value) => value switch
    {
        null => 0d,
        double d => d,
        System.Numerics.BigInteger b => (double)b,
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"not a number: {value.GetType()}"),
    };

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => Label(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static string Label(DateTime bucket) => bucket.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
