using CsCheck;

namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>
/// Generates small workspaces: five CRM accounts and one account ("zz") only seen in events and
/// subscriptions, eight users (some imported), events from late July to early November (some
/// without a user), subscription timelines with zeros so churn and reactivation happen, NPS
/// answers, two priced plans and the period to ask about.
/// </summary>
internal static class RandomWorkspaces
{
    public const string Ghost = "zz";

    public static readonly string[] EventNames = ["api_call", "login", "export", "report_view", "data_processed"];

    private static readonly DateTime s_origin = new(2026, 7, 20, 0, 0, 0, DateTimeKind.Utc);
    // api_call and login twice as often as the others.
    private static readonly string[] s_weightedNames = ["api_call", "api_call", "login", "login", "export", "report_view", "data_processed"];
    private static readonly string[] s_segments = ["smb", "mid", "ent"];
    private static readonly string?[] s_plans = ["basic", "growth", "legacy", null];

    private static readonly (DateTime From, DateTime To)[] s_periods =
    [
        (Utc(2026, 10, 1), Utc(2026, 11, 1)),
        (Utc(2026, 9, 1), Utc(2026, 11, 1)),
        (Utc(2026, 9, 10), Utc(2026, 10, 24)),
        (Utc(2026, 8, 1), Utc(2026, 11, 1)),
        (Utc(2026, 10, 5), Utc(2026, 10, 12)),
    ];

    private static readonly Gen<SampleAccount[]> s_accounts =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Bool, Gen.Int[0, 5]).Array[5]
            .Select(rows => rows.Select((r, i) => new SampleAccount(
                $"a{i}", r.Item1 * 100, s_segments[r.Item2], r.Item3 == 0 ? null : $"p{r.Item3}", r.Item4, r.Item5 == 0 ? null : r.Item5)).ToArray());

    private static readonly Gen<SampleUser[]> s_users =
        Gen.Select(Gen.Bool, Gen.Int[0, 5], Gen.Int[-30, 110]).Array[8]
            .Select(rows => rows.Select((r, i) => (r, i)).Where(x => x.r.Item1)
                .Select(x => new SampleUser($"u{x.i}", x.r.Item2 == 5 ? null : $"a{x.r.Item2}", x.r.Item3 < 0 ? null : s_origin.AddDays(x.r.Item3).AddHours(6))).ToArray());

    // Hours 8 to 11 only, so a user's events are often close enough to share a session.
    private static readonly Gen<SampleEvent[]> s_events =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 9], Gen.Int[0, 110], Gen.Int[8, 11], Gen.Int[0, 59], Gen.Int[0, 6], Gen.Int[1, 20]).Array[0, 60]
            .Select(rows => rows.Select(r => new SampleEvent(
                AccountId(r.Item1), r.Item2 >= 8 ? null : $"u{r.Item2}", s_origin.AddDays(r.Item3).AddHours(r.Item4).AddMinutes(r.Item5),
                s_weightedNames[r.Item6], r.Item7)).ToArray());

    // MRR from a tiny set so zeros (churn) are common; at most one row per account and instant.
    private static readonly Gen<SampleSubscription[]> s_subscriptions =
        Gen.Select(Gen.Int[0, 5], Gen.Int[-50, 110], Gen.Bool, Gen.Int[0, 4], Gen.Int[0, 3], Gen.Int[-20, 30]).Array[0, 16]
            .Select(rows => rows.Select(r => new SampleSubscription(
                AccountId(r.Item1), s_origin.AddDays(r.Item2).AddHours(r.Item3 ? 10 : 0), r.Item4 * 50, s_plans[r.Item5], r.Item6 < 0 ? null : r.Item6))
                .DistinctBy(s => (s.Account, s.EffectiveAt)).ToArray());

    private static readonly Gen<SampleAnswer[]> s_answers =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 110], Gen.Int[0, 10]).Array[0, 15]
            .Select(rows => rows.Select((r, i) => new SampleAnswer(AccountId(r.Item1), $"r{i}", s_origin.AddDays(r.Item2).AddHours(9), r.Item3)).ToArray());

    private static readonly Gen<IReadOnlyDictionary<string, IReadOnlyDictionary<string, SampleMeterPrice>>> s_ratePlans =
        Gen.Select(Gen.Int[0, 20], Gen.Int[0, 10], Gen.Bool, Gen.Int[0, 20], Gen.Bool).Select(r => RatePlans(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5));

    public static Gen<SampleWorkspace> Any { get; } =
        Gen.Select(s_accounts, s_users, s_events, s_subscriptions, s_answers, s_ratePlans, Gen.Int[0, s_periods.Length - 1],
            (accounts, users, events, subscriptions, answers, plans, period) => new SampleWorkspace(
                accounts, users, [.. Seed(), .. events], subscriptions, answers, plans, s_periods[period].From, s_periods[period].To));

    private static string AccountId(int index) => index == 5 ? Ghost : $"a{index}";

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    // One early event of every name, so every meter exists (login-frequency and feature-adoption refuse unknown events).
    private static IEnumerable<SampleEvent> Seed() => EventNames.Select(name => new SampleEvent(Ghost, "useed", Utc(2026, 6, 1).AddHours(9), name, 1));

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, SampleMeterPrice>> RatePlans(int basicIncluded, int dataIncluded, bool dataVolume, int growthIncluded, bool growthVolume) =>
        new Dictionary<string, IReadOnlyDictionary<string, SampleMeterPrice>>
        {
            ["basic"] = new Dictionary<string, SampleMeterPrice>
            {
                ["api_call"] = new(basicIncluded, 0.5, false, []),
                ["data_processed"] = new(dataIncluded, 0, dataVolume, [new(5, 1, 0), new(20, 0.5, 3), new(null, 0.25, 0)]),
            },
            ["growth"] = new Dictionary<string, SampleMeterPrice>
            {
                ["api_call"] = new(growthIncluded, 0, growthVolume, [new(10, 0.25, 0), new(30, 0.125, 2), new(null, 0.0625, 1)]),
                ["data_processed"] = new(0, 1, false, []),
            },
        };
}
