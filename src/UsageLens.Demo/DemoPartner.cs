namespace UsageLens.Demo;

/// <summary>A channel partner that owns customer relationships.</summary>
public sealed record DemoPartner(string PartnerId, string Name);
