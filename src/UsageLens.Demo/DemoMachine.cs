namespace UsageLens.Demo;

/// <summary>A machine on a factory floor and the physics of its output.</summary>
/// <param name="AccountIndex">Index into <see cref="DemoScenario.Accounts"/>.</param>
/// <param name="MachineId">Its id, unique within the account, such as <c>press-03</c>.</param>
/// <param name="Line">The production line it stands on.</param>
/// <param name="UnitsPerHour">Output while running.</param>
/// <param name="KgPerUnit">Material per good unit.</param>
/// <param name="KwhPerUnit">Energy per unit made, on top of <paramref name="IdleKw"/>.</param>
/// <param name="IdleKw">Base load drawn around the clock, running or not.</param>
/// <param name="DefectRate">The share of units that fail inspection when the machine is new.</param>
/// <param name="MaintenanceEvery">Days between planned maintenance stops.</param>
/// <param name="MaintenanceOffset">The first planned stop's day.</param>
public sealed record DemoMachine(
    int AccountIndex,
    string MachineId,
    string Line,
    DemoMachineHealth Health,
    double UnitsPerHour,
    double KgPerUnit,
    double KwhPerUnit,
    double IdleKw,
    double DefectRate,
    int MaintenanceEvery,
    int MaintenanceOffset);
