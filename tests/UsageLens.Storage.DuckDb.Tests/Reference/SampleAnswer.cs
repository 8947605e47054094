namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>One NPS answer.</summary>
internal sealed record SampleAnswer(string Account, string User, DateTime At, int Score);
