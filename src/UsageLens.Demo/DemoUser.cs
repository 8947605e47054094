namespace UsageLens.Demo;

/// <summary>A person at a customer. <paramref name="Ordinal"/> orders the account's users by creation.</summary>
public sealed record DemoUser(string UserId, string AccountId, int Ordinal, string Email, DateTime CreatedAt);
