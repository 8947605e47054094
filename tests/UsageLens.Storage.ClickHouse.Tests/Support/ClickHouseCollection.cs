namespace UsageLens.Storage.ClickHouse.Tests.Support;

/// <summary>Every ClickHouse test class shares one set of server processes.</summary>
[CollectionDefinition(Name)]
public sealed class ClickHouseCollection : ICollectionFixture<ClickHouseServers>
{
    public const string Name = "ClickHouse servers";
}
