namespace UsageLens.Ingest.Files;

/// <summary>Whether a canonical column must appear in a file and be filled in.</summary>
public enum ColumnPresence
{
    /// <summary>The column may be absent and its cells empty.</summary>
    Optional,

    /// <summary>The file must have the column and every row a value.</summary>
    Required,

    /// <summary>The column may be absent, but when present every row needs a value (the events <c>id</c>).</summary>
    RequiredWhenPresent,
}
