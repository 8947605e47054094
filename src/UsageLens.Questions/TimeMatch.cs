namespace UsageLens.Questions;

/// <summary>A time expression read from a question: how many words it took and the days it covers, <c>[From, To)</c>.</summary>
internal sealed record TimeMatch(int Length, DateOnly From, DateOnly To)
{
    /// <summary>The series grain the phrase implies: "the last 6 months" reads as six monthly points.</summary>
    public string? Grain { get; init; }
}
