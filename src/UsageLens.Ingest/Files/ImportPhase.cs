namespace UsageLens.Ingest.Files;

/// <summary>The steps an imported file goes through, in order.</summary>
public enum ImportPhase
{
    Reading,
    Validating,
    Storing,
    Done,
}
