namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>A subscription row: from <see cref="EffectiveAt"/> the account pays <see cref="Mrr"/> on <see cref="Plan"/>, optionally with its own api_call allowance.</summary>
internal sealed record SampleSubscription(string Account, DateTime EffectiveAt, double Mrr, string? Plan, double? IncludedApiCalls);
