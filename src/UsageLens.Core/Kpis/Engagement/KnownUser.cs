namespace UsageLens.Core.Kpis.Engagement;

/// <summary>A user of an account and when the workspace first knew them (null: from the start).</summary>
internal sealed record KnownUser(string User, string? Account, DateTime? Since);
