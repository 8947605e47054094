namespace UsageLens.Demo;

/// <summary>
/// One row of the usage plan: how many events of one meter one account produces on one day.
/// Storage expands each row into individual events.
/// </summary>
/// <param name="AccountIndex">Index into <see cref="DemoScenario.Accounts"/>.</param>
/// <param name="DayIndex">Days since <see cref="DemoOptions.StartDate"/>.</param>
/// <param name="MeterIndex">Index into <see cref="DemoScenario.Meters"/>.</param>
/// <param name="Events">How many events.</param>
/// <param name="MeanQuantity">The average quantity per event (1 for count meters).</param>
/// <param name="Users">Events are spread over the account's first <paramref name="Users"/> users.</param>
/// <param name="Trial">The account is on a free trial that day.</param>
/// <param name="FirstEvent">The running number of the row's first event, so event ids are unique by construction.</param>
public readonly record struct DemoUsage(
    int AccountIndex,
    int DayIndex,
    int MeterIndex,
    int Events,
    double MeanQuantity,
    int Users,
    bool Trial,
    long FirstEvent);
