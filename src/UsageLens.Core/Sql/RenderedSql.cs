namespace UsageLens.Core.Sql;

/// <summary>SQL text for one engine and the values to bind to its placeholders, in order.</summary>
public sealed record RenderedSql(string Text, IReadOnlyList<object?> Parameters);
