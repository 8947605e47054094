namespace UsageLens.Core.Semantics.Custom;

/// <summary>
/// The share of observed time that entities (machines) spend in an "up" state, as a percentage.
/// Each entity is in the state of its latest <paramref name="Event"/> event.
/// </summary>
/// <param name="Event">The event that reports a state change, such as <c>machine_state</c>.</param>
/// <param name="Property">The event property holding the new state.</param>
/// <param name="UpStates">The states that count as up.</param>
/// <param name="Entity">The event property naming the entity whose state it is; null when each account is one entity.</param>
public sealed record StateMetric(string Name, string Event, string Property, IReadOnlySet<string> UpStates, string? Entity, string Unit, string? Description)
    : CustomMetric(Name, Unit, Description)
{
    public override string Definition =>
        $"time with {Property} in [{string.Join(", ", UpStates.Order(StringComparer.Ordinal))}] ÷ observed time × 100, from {Event} events{(Entity is null ? " per account" : $" per {Entity}")}";
}
