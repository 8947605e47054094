namespace UsageLens.Demo;

/// <summary>An injected anomaly: one account's usage of one meter on one day multiplied by <paramref name="Factor"/> (0 is an outage).</summary>
public sealed record DemoAnomaly(string AccountId, DateOnly Day, string Meter, double Factor);
