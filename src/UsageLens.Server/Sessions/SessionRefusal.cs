namespace UsageLens.Server.Sessions;

/// <summary>Why a sign-in was refused: <c>{"title": "..."}</c>.</summary>
internal sealed record SessionRefusal(string Title);
