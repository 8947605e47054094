namespace UsageLens.Server.Tests.Support;

/// <summary>
/// Tests that load the machine on purpose (the fuzzers send requests as fast as the server answers) run after the
/// others and alone, so the browser tests' waits measure the dashboard rather than a saturated CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
