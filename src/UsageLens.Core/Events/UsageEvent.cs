namespace UsageLens.Core.Events;

/// <summary>A metered usage record in its canonical, validated form.</summary>
/// <param name="Id">Dedupe key within <paramref name="Source"/>.</param>
/// <param name="Source">Namespace of <paramref name="Id"/>: empty for files and Segment, the CloudEvents <c>source</c> otherwise.</param>
/// <param name="Timestamp">When the usage happened, in UTC.</param>
/// <param name="PropertiesJson">A JSON object with everything else, or <see langword="null"/>.</param>
/// <param name="OriginalEvent">The event name before normalisation, when it differed.</param>
public sealed record UsageEvent(
    string Id,
    string Source,
    DateTime Timestamp,
    string AccountId,
    string? UserId,
    string Event,
    double Quantity,
    string Unit,
    string? Product,
    string? Classification,
    string? PropertiesJson,
    string? OriginalEvent);
