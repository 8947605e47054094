using UsageLens.Core;
using UsageLens.Core.Subscriptions;
using UsageLens.Core.Surveys;

namespace UsageLens.Demo;

/// <summary>
/// A deterministic story: accounts, their people, subscriptions, survey answers, and either a
/// B2B SaaS usage plan at (account, day, meter) granularity, which storage expands into events,
/// or (the manufacturing profile) machines whose readings are the events.
/// </summary>
public sealed class DemoScenario
{
    private DemoScenario(
        DemoOptions options,
        IReadOnlyList<DemoAccount> accounts,
        IReadOnlyList<DemoUser> users,
        IReadOnlyList<SubscriptionChange> subscriptions,
        IReadOnlyList<NpsAnswer> npsAnswers,
        IReadOnlyList<DemoUsage> usage,
        IReadOnlyList<DemoAnomaly> anomalies,
        IReadOnlyList<DemoMeter> meters,
        IReadOnlyList<DemoMachine> machines,
        Func<IEnumerable<DemoReading>> readings)
    {
        Options = options;
        Accounts = accounts;
        Users = users;
        Subscriptions = subscriptions;
        NpsAnswers = npsAnswers;
        Usage = usage;
        Anomalies = anomalies;
        Meters = meters;
        Machines = machines;
        _readings = readings;
        ReadingCount = readings().LongCount();
        EventCount = (usage.Count == 0 ? 0 : usage[^1].FirstEvent + usage[^1].Events) + ReadingCount;
    }

    private readonly Func<IEnumerable<DemoReading>> _readings;

    /// <summary>The size and seed this scenario was built from.</summary>
    public DemoOptions Options { get; }

    /// <summary>The channel partners.</summary>
    public IReadOnlyList<DemoPartner> Partners { get; } = DemoNames.Partners;

    /// <summary>The meters, addressed by <see cref="DemoUsage.MeterIndex"/>.</summary>
    public IReadOnlyList<DemoMeter> Meters { get; }

    /// <summary>The machines of the manufacturing profile, addressed by <see cref="DemoReading.Machine"/>; empty for SaaS.</summary>
    public IReadOnlyList<DemoMachine> Machines { get; }

    /// <summary>
    /// The manufacturing profile's events, generated afresh on each enumeration (identically), so
    /// millions of them never sit in memory at once; empty for SaaS.
    /// </summary>
    public IEnumerable<DemoReading> Readings => _readings();

    /// <summary>How many <see cref="Readings"/> there are.</summary>
    public long ReadingCount { get; }

    /// <summary>The accounts, addressed by <see cref="DemoUsage.AccountIndex"/>.</summary>
    public IReadOnlyList<DemoAccount> Accounts { get; }

    /// <summary>The users, grouped by account and ordered by <see cref="DemoUser.Ordinal"/> within it.</summary>
    public IReadOnlyList<DemoUser> Users { get; }

    /// <summary>The MRR timeline.</summary>
    public IReadOnlyList<SubscriptionChange> Subscriptions { get; }

    /// <summary>The NPS survey answers.</summary>
    public IReadOnlyList<NpsAnswer> NpsAnswers { get; }

    /// <summary>The usage plan, ordered by day; <see cref="DemoUsage.FirstEvent"/> runs from 0 without gaps.</summary>
    public IReadOnlyList<DemoUsage> Usage { get; }

    /// <summary>The anomalies injected into the usage plan.</summary>
    public IReadOnlyList<DemoAnomaly> Anomalies { get; }

    /// <summary>How many events the usage plan expands to, plus the readings.</summary>
    public long EventCount { get; }

    /// <summary>Builds the scenario; the same options always give the same scenario.</summary>
    /// <exception cref="UsageLensException">The options are out of range.</exception>
    public static DemoScenario Build(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var random = new DemoRandom(unchecked((ulong)options.Seed * 0x2545F4914F6CDD1DUL) ^ 0x5DEECE66DUL);
        var stories = DemoAccountFactory.Create(options, random.Fork(1));
        var timelines = stories.Select(s => DemoSubscriptionTimeline.Build(s, options.StartDate)).ToList();
        var users = DemoUserFactory.Create(stories, options, random.Fork(2));
        var anomalies = DemoAnomalyInjector.Choose(stories, options, random.Fork(3));
        var manufacturing = options.Profile == DemoProfile.Manufacturing;
        var usage = manufacturing ? [] : DemoUsagePlanner.Plan(stories, options, anomalies, random.Fork(4));
        var nps = DemoNpsSurvey.Answer(stories, users, options, random.Fork(5));
        var accounts = DemoCrm.Describe(stories, timelines, options, random.Fork(6));
        if (!manufacturing)
        {
            return new DemoScenario(
                options, accounts, users, timelines.SelectMany(t => t).ToList(), nps, usage,
                anomalies.Select(a => new DemoAnomaly(stories[a.Key.Account].AccountId, options.StartDate.AddDays(a.Key.Day), DemoMeters.All[a.Key.Meter].Event, a.Value)).ToList(),
                DemoMeters.All, [], () => []);
        }
        var machines = DemoFactoryFloor.Equip(stories, random.Fork(7));
        var outages = DemoFactoryFloor.ChooseOutages(stories, options, random.Fork(8));
        return new DemoScenario(
            options, accounts, users, timelines.SelectMany(t => t).ToList(), nps, usage,
            outages.Order().Select(o => new DemoAnomaly(stories[o.Account].AccountId, options.StartDate.AddDays(o.Day), DemoFactoryMeters.MachineState, 0)).ToList(),
            DemoFactoryMeters.All, machines, () => DemoFactoryFloor.Readings(machines, stories, options, outages));
    }
}
