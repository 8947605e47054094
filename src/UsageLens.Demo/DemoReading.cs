namespace UsageLens.Demo;

/// <summary>One manufacturing event: a machine's daily output figure, or its state change (<see cref="State"/> set).</summary>
/// <param name="AccountIndex">Index into <see cref="DemoScenario.Accounts"/>.</param>
/// <param name="Machine">Index into <see cref="DemoScenario.Machines"/>.</param>
public readonly record struct DemoReading(int AccountIndex, int Machine, DateTime Timestamp, string Event, double Quantity, string Unit, string? State);
