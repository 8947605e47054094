namespace UsageLens.Ingest.Files;

/// <summary>One column of a canonical file schema.</summary>
/// <param name="Name">The canonical, lower-case name.</param>
/// <param name="Presence">Whether the column, and a value in every row, is required.</param>
/// <param name="Default">The value used when the cell is empty or the column is absent.</param>
public sealed record CanonicalColumn(string Name, ColumnType Type, ColumnPresence Presence = ColumnPresence.Optional, string? Default = null)
{
    /// <summary>Whether a row of a file that has this column must give it a non-empty value.</summary>
    public bool ValueRequired => Presence is ColumnPresence.Required or ColumnPresence.RequiredWhenPresent;
}
