namespace UsageLens.Questions;

/// <summary>A user questions can name: by id, e-mail or the <c>name</c> in their traits; <see cref="AccountId"/> scopes them to a partner.</summary>
public sealed record WorkspaceUser(string Id, string? AccountId, string? Email, string? Name);
