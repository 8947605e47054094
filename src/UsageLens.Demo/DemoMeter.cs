namespace UsageLens.Demo;

/// <summary>A meter the demo emits.</summary>
/// <param name="Event">The event name.</param>
/// <param name="Unit">Its one unit.</param>
/// <param name="Product">The product its usage is attributed to.</param>
/// <param name="Classification">Its class when the account is not on a trial.</param>
/// <param name="UserShare">The share of its events done by a person rather than a machine.</param>
/// <param name="QuantitySpread">How far one event's quantity strays from the mean, as a fraction of it (0 = exact).</param>
/// <param name="Properties">JSON objects the events' properties are drawn from; empty for none.</param>
public sealed record DemoMeter(
    string Event,
    string Unit,
    string Product,
    string Classification,
    double UserShare,
    double QuantitySpread,
    IReadOnlyList<string> Properties);
