namespace UsageLens.Storage.ClickHouse.Http;

/// <summary>ClickHouse refused a statement; the message is the server's first line.</summary>
public sealed class ClickHouseException : Exception
{
    public ClickHouseException(string message) : base(message) { }

    public ClickHouseException(string message, Exception innerException) : base(message, innerException) { }

    public ClickHouseException() { }
}
