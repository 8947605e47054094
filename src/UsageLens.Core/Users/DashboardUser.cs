using UsageLens.Core.Keys;

namespace UsageLens.Core.Users;

/// <summary>A person who signs in to the dashboard, with the same role and partner scope an API key carries.</summary>
public sealed record DashboardUser(string Email, ApiKeyRole Role, string? PartnerId, DateTime CreatedAt);
