using System.Globalization;

namespace UsageLens.Insights;

/// <summary>
/// Rounding for figures read from sums of doubles. An engine adds rows in whatever order its threads and
/// storage give them, so a sum's last bits differ between runs and between a workspace and its copy cut
/// at the as-of day; a value on a rounding boundary (5872.745) would then print as .74 once and .75 the
/// next time. Taking the value to 10 significant digits first maps every such neighbour to one double;
/// past 10 digits a figure is counted in whole units, where cents carry no meaning.
/// </summary>
internal static class StableRounding
{
    public static double Round(double value, int digits) =>
        double.IsFinite(value)
            ? Math.Round(double.Parse(value.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), digits)
            : value;
}
