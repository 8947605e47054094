namespace UsageLens.Storage.ClickHouse.Http;

/// <summary>The server could not be reached or did not answer; nothing sent in that request can be assumed stored.</summary>
public sealed class ClickHouseUnavailableException : Exception
{
    public ClickHouseUnavailableException(string message) : base(message) { }

    public ClickHouseUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    public ClickHouseUnavailableException() { }
}
