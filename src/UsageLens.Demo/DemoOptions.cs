using UsageLens.Core;
namespace UsageLens.Demo;

/// <summary>The size and seed of a demo workspace.</summary>
/// <param name="EndDate">The as-of day, excluded: the window is the <paramref name="Days"/> days before it.</param>
/// <param name="Accounts">How many customer accounts to invent.</param>
/// <param name="Days">How many days of history to invent.</param>
/// <param name="Seed">The same seed always produces the same workspace.</param>
/// <param name="Profile">SaaS customers or factories.</param>
public sealed record DemoOptions(DateOnly EndDate, int Accounts = 500, int Days = 180, int Seed = 42, DemoProfile Profile = DemoProfile.Saas)
{
    public const int MinAccounts = 10;
    public const int MaxAccounts = 100_000;
    // Six weeks leave room for a churner's fade and a trial's conversion inside the window.
    public const int MinDays = 42;
    public const int MaxDays = 3_650;

    /// <summary>The first day of the window, included.</summary>
    public DateOnly StartDate => EndDate.AddDays(-Days);

    /// <summary>Refuses sizes the story cannot be told with.</summary>
    /// <exception cref="UsageLensException">A size is out of range.</exception>
    public void Validate()
    {
        if (Accounts is < MinAccounts or > MaxAccounts)
        {
            throw new UsageLensException($"--accounts: {Accounts} is out of range; use {MinAccounts} to {MaxAccounts}");
        }
        if (Days is < MinDays or > MaxDays)
        {
            throw new UsageLensException($"--days: {Days} is out of range; use {MinDays} to {MaxDays}");
        }
        if (EndDate.AddDays(-Days).Year < 1971)
        {
            throw new UsageLensException($"--as-of: {EndDate:yyyy-MM-dd} leaves no room for {Days} days of history");
        }
    }
}
