namespace UsageLens.Insights;

/// <summary>A named figure: a number (with <see cref="Number"/>) or a text (with <see cref="Text"/>).</summary>
public sealed record InsightValue(string Name, double? Number, string? Text = null)
{
    public static InsightValue Of(string name, double? number) => new(name, number);

    public static InsightValue Of(string name, string? text) => new(name, null, text);
}
