namespace UsageLens.Storage.ClickHouse.Http;

/// <summary>A temporary table sent with a query: its name, its columns (<c>source String, id String</c>) and JSONEachRow rows.</summary>
internal sealed record ExternalTable(string Name, string Structure, string Rows);
