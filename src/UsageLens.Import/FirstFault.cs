using UsageLens.Ingest.Files;

namespace UsageLens.Import;

/// <summary>The first bad row of a file, in file order: its record number and what is wrong with it.</summary>
internal sealed record FirstFault(long Record, RowFault Fault, string? Column, string? Value);
