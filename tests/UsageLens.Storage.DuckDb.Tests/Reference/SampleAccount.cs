namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>An account of a generated workspace, as the CRM knows it.</summary>
internal sealed record SampleAccount(string Id, double Revenue, string Segment, string? Partner, bool Strategic, int? Seats);
