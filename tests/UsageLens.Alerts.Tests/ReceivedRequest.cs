namespace UsageLens.Alerts.Tests;

/// <summary>One request the receiver got: its headers and its exact body bytes.</summary>
internal sealed record ReceivedRequest(IReadOnlyDictionary<string, string> Headers, byte[] Body);
