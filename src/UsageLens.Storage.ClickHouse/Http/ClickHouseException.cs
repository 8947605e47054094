namespace UsageLens.Storage.ClickHouse.Http;

/// <summary>ClickHouse refused a statement; the message is the server's first line.</summary>
public sealed class ClickHouseException : Exception
{
    public ClickHouseException(string message) : base(message) { }

    public ClickHouseException(string message, Exception innerException) : base(message, innerException) { }

    public ClickHouseException() { }

    public ClickHouseException(string message, string statement) : base(message) => Statement = statement;

    /// <summary>The statement ClickHouse refused, for logs.</summary>
    public string? Statement { get; }
}
