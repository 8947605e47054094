namespace UsageLens.Demo;

/// <summary>The meters of the manufacturing profile. Their events are written as readings, not through the usage plan.</summary>
internal static class DemoFactoryMeters
{
    public const string UnitsProduced = "units_produced";
    public const string Defects = "defects";
    public const string Material = "material_kg";
    public const string Energy = "energy_kwh";
    public const string MachineState = "machine_state";

    public static IReadOnlyList<DemoMeter> All { get; } =
    [
        new(UnitsProduced, "units", "factory-floor", "core", 0, 0, []),
        new(Defects, "units", "quality", "core", 0, 0, []),
        new(Material, "kg", "factory-floor", "core", 0, 0, []),
        new(Energy, "kWh", "factory-floor", "core", 0, 0, []),
        new(MachineState, "state", "factory-floor", "core", 0, 0, []),
    ];
}
