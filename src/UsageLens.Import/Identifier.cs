namespace UsageLens.Import;

/// <summary>Quotes an identifier for SQL text. Only canonical schema names and generated names reach it.</summary>
internal static class Identifier
{
    public static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
