namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>An imported user of a generated workspace; <see cref="CreatedAt"/> null means known since always.</summary>
internal sealed record SampleUser(string Id, string? Account, DateTime? CreatedAt);
