namespace UsageLens.Demo;

/// <summary>
/// The manufacturing story: each factory (account) gets machines on a few lines, and every machine
/// reports its state changes and, once a day, what it made, scrapped, consumed and drew. Most machines
/// are steady; some wear out (more and longer breakdowns, more defects as the weeks pass) and some are
/// flaky. Planned maintenance stops each machine every one to three weeks, and a few factory-wide power
/// cuts are the anomalies to find. Production follows the account's storyline, so a churning customer's
/// output fades and its machines go offline when it leaves.
/// </summary>
internal static class DemoFactoryFloor
{
    // Per kind: units per running hour, kg of material per unit, kWh per unit.
    private static readonly (string Kind, double UnitsPerHour, double Kg, double Kwh)[] s_kinds =
    [
        ("press", 120, 0.8, 0.05),
        ("cnc", 12, 2.5, 1.2),
        ("molder", 60, 0.15, 0.08),
        ("welder", 30, 1.2, 0.4),
        ("packer", 200, 0.05, 0.01),
    ];

    // Lines run a little slower at weekends, with a lighter crew.
    private static readonly double[] s_weekday = [0.7, 1, 1, 1, 1, 1, 0.85];

    public static List<DemoMachine> Equip(IReadOnlyList<DemoStory> stories, DemoRandom random)
    {
        var machines = new List<DemoMachine>();
        foreach (var story in stories)
        {
            var count = story.Segment switch
            {
                "enterprise" => random.Next(8, 17),
                "mid-market" => random.Next(4, 9),
                _ => random.Next(2, 5),
            };
            var lines = 1 + (count / 4);
            for (var i = 0; i < count; i++)
            {
                var kind = random.Pick(s_kinds);
                var health = random.NextDouble() switch
                {
                    < 0.12 => DemoMachineHealth.Degrading,
                    < 0.22 => DemoMachineHealth.Flaky,
                    _ => DemoMachineHealth.Steady,
                };
                var every = random.Next(7, 22);
                machines.Add(new DemoMachine(
                    story.Index, $"{kind.Kind}-{i + 1:00}", $"line-{(char)('a' + (i % lines))}", health,
                    Math.Round(kind.UnitsPerHour * random.LogNormal(1, 0.2), 1),
                    Math.Round(kind.Kg * random.LogNormal(1, 0.1), 3),
                    Math.Round(kind.Kwh * random.LogNormal(1, 0.15), 3),
                    Math.Round(random.Between(2, 8), 1),
                    random.LogNormal(0.012, 0.4),
                    every,
                    random.Next(every)));
            }
        }
        return machines;
    }

    /// <summary>A few weekday power cuts that stop every machine of a factory from 08:00 to 14:00.</summary>
    public static HashSet<(int Account, int Day)> ChooseOutages(IReadOnlyList<DemoStory> stories, DemoOptions options, DemoRandom random)
    {
        var outages = new HashSet<(int, int)>();
        var wanted = Math.Max(2, options.Accounts / 25);
        for (var attempt = 0; outages.Count < wanted && attempt < wanted * 20; attempt++)
        {
            var story = stories[random.Next(stories.Count)];
            var day = random.Next(7, options.Days - 1);
            if (story.Trend(day) > 0 && options.StartDate.AddDays(day).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                outages.Add((story.Index, day));
            }
        }
        return outages;
    }

    /// <summary>Every reading of every machine; the same arguments always give the same readings.</summary>
    public static IEnumerable<DemoReading> Readings(IReadOnlyList<DemoMachine> machines, IReadOnlyList<DemoStory> stories, DemoOptions options, IReadOnlySet<(int, int)> outages)
    {
        for (var m = 0; m < machines.Count; m++)
        {
            // One stream per machine, so a machine's readings do not depend on any other machine's.
            var random = new DemoRandom(unchecked(((ulong)options.Seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)(m + 1) * 0xD1B54A32D192ED03UL)));
            foreach (var reading in Machine(machines[m], m, stories[machines[m].AccountIndex], options, outages, random))
            {
                yield return reading;
            }
        }
    }

    private static IEnumerable<DemoReading> Machine(DemoMachine machine, int index, DemoStory story, DemoOptions options, IReadOnlySet<(int, int)> outages, DemoRandom random)
    {
        var started = false;
        for (var day = story.ActiveFrom; day < options.Days; day++)
        {
            var midnight = options.StartDate.AddDays(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (day >= story.ActiveUntil)
            {
                yield return State(machine, index, midnight.AddHours(1), "offline");
                yield break;
            }
            var first = 0.0;
            if (!started)
            {
                first = random.Between(0, 1);
                yield return State(machine, index, midnight.AddHours(first), "running");
                started = true;
            }
            var stops = Stops(machine, story, day, options, outages, random, first);
            foreach (var (start, hours, state) in stops)
            {
                yield return State(machine, index, midnight.AddHours(start), state);
                yield return State(machine, index, midnight.AddHours(start + hours), "running");
            }
            var upHours = 24 - first - stops.Sum(s => s.Hours);
            foreach (var reading in Output(machine, index, story, day, options, midnight, upHours, random))
            {
                yield return reading;
            }
        }
    }

    private static List<(double Start, double Hours, string State)> Stops(
        DemoMachine machine, DemoStory story, int day, DemoOptions options, IReadOnlySet<(int, int)> outages, DemoRandom random, double first)
    {
        var wear = day / (double)options.Days;
        var (rate, meanHours) = machine.Health switch
        {
            DemoMachineHealth.Degrading => (0.05 + (0.9 * wear * wear), 1 + (2.5 * wear)),
            DemoMachineHealth.Flaky => (0.35, 0.5),
            _ => (0.04, 1.0),
        };
        var candidates = new List<(double Start, double Hours, string State)>();
        if ((day + machine.MaintenanceOffset) % machine.MaintenanceEvery == 0)
        {
            candidates.Add((6 + random.Between(0, 2), random.Between(3, 6), "maintenance"));
        }
        if (outages.Contains((story.Index, day)))
        {
            candidates.Add((8, 6, "down"));
        }
        for (var n = random.Poisson(rate); n > 0; n--)
        {
            candidates.Add((random.Between(first, 23.5), -meanHours * Math.Log(1 - random.NextDouble()), "down"));
        }
        // Stops do not overlap, never share an instant with another state change of the machine, and
        // each ends before midnight, so every day starts with the machine running.
        var stops = new List<(double Start, double Hours, string State)>();
        var free = first;
        foreach (var (start, hours, state) in candidates.OrderBy(c => c.Start))
        {
            var end = Math.Min(start + Math.Max(hours, 0.1), 23.9);
            if (start >= free + 0.01 && end > start + 0.01)
            {
                stops.Add((Math.Round(start, 3), Math.Round(end, 3) - Math.Round(start, 3), state));
                free = end;
            }
        }
        return stops;
    }

    private static IEnumerable<DemoReading> Output(DemoMachine machine, int index, DemoStory story, int day, DemoOptions options, DateTime midnight, double upHours, DemoRandom random)
    {
        var wear = day / (double)options.Days;
        var pace = s_weekday[(int)options.StartDate.AddDays(day).DayOfWeek] * Math.Min(1, story.Trend(day)) * random.LogNormal(1, 0.06);
        var units = Math.Round(machine.UnitsPerHour * Math.Max(0, upHours) * pace);
        var defectRate = machine.DefectRate * machine.Health switch
        {
            DemoMachineHealth.Degrading => 1 + (4 * wear),
            DemoMachineHealth.Flaky => 1.5,
            _ => 1,
        };
        var defects = Math.Min(units, random.Poisson(units * defectRate));
        // The daily report comes in late in the evening, staggered by machine.
        var at = midnight.AddHours(23).AddMinutes(index % 55);
        if (units > 0)
        {
            yield return Figure(machine, index, at, DemoFactoryMeters.UnitsProduced, units, "units");
            yield return Figure(machine, index, at, DemoFactoryMeters.Material, Math.Round(((units + (0.5 * defects)) * machine.KgPerUnit * random.LogNormal(1, 0.03)), 1), "kg");
        }
        if (defects > 0)
        {
            yield return Figure(machine, index, at, DemoFactoryMeters.Defects, defects, "units");
        }
        yield return Figure(machine, index, at, DemoFactoryMeters.Energy, Math.Round((units * machine.KwhPerUnit) + (24 * machine.IdleKw), 1), "kWh");
    }

    private static DemoReading State(DemoMachine machine, int index, DateTime at, string state) =>
        new(machine.AccountIndex, index, at, DemoFactoryMeters.MachineState, 1, "state", state);

    private static DemoReading Figure(DemoMachine machine, int index, DateTime at, string meter, double quantity, string unit) =>
        new(machine.AccountIndex, index, at, meter, quantity, unit, null);
}
