namespace UsageLens.Reports;

/// <summary>A rendered report: a complete attachment (PDF or CSV) with the subject line a mail carrying it would have.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content, string Subject, DateOnly AsOf, DateTimeOffset GeneratedAt);
