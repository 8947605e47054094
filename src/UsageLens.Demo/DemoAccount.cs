namespace UsageLens.Demo;

/// <summary>An invented customer as the CRM knows it at the end of the window.</summary>
/// <param name="Plan">The current plan, or the last one paid for when the account has churned.</param>
/// <param name="PartnerId">The channel partner that owns the relationship, or <see langword="null"/> for direct customers.</param>
/// <param name="Revenue">Everything the customer has paid since it signed, in USD.</param>
/// <param name="ContractValue">The value of the current (or last) contract, in USD.</param>
/// <param name="Cltv">The expected lifetime value, in USD.</param>
/// <param name="Trajectory">The storyline the account follows; kept out of the workspace, useful to check insights against.</param>
public sealed record DemoAccount(
    string AccountId,
    string Name,
    string Domain,
    string Industry,
    string Segment,
    string Region,
    string Plan,
    string? PartnerId,
    double Revenue,
    double ContractValue,
    double Cltv,
    bool Strategic,
    int LicensedSeats,
    int Employees,
    DateTime CreatedAt,
    DemoTrajectory Trajectory);
