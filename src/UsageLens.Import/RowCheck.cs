using UsageLens.Ingest.Files;

namespace UsageLens.Import;

/// <summary>One validation rule applied to <see cref="ImportRows"/>: true for a row that breaks it.</summary>
internal sealed record RowCheck(RowFault Fault, string? Column, string Condition);
