namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>A usage event of a generated workspace; <see cref="User"/> is null for machine or account-level events.</summary>
internal sealed record SampleEvent(string Account, string? User, DateTime At, string Name, double Quantity);
