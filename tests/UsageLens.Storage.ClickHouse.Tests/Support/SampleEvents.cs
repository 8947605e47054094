using UsageLens.Core.Accounts;
using UsageLens.Core.Events;

namespace UsageLens.Storage.ClickHouse.Tests.Support;

/// <summary>Small hand-made events and profiles for tests that count what was stored.</summary>
internal static class SampleEvents
{
    public static readonly DateTime Day = new(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>An api_call of one call by <paramref name="account"/>, <paramref name="minute"/> minutes into <see cref="Day"/>.</summary>
    public static UsageEvent Call(string id, string account, int minute, double quantity = 1, string unit = "calls", string name = "api_call") =>
        new(id, "test", Day.AddMinutes(minute), account, "u-" + account, name, quantity, unit, null, null, null, null);

    public static AccountUpsert Account(string id, string segment) =>
        new(id, new Dictionary<AccountField, object?> { [AccountField.Segment] = segment }, null);
}
