namespace UsageLens.Alerts;

/// <summary>A subject's last recorded state under a rule, and how many times a state was recorded for it.</summary>
/// <param name="Changes">The count of recorded states; it tells two firings of the same transition apart.</param>
public sealed record AlertSubjectState(string Value, int Changes);
