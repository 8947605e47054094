namespace UsageLens.Core.Accounts;

/// <summary>The typed account columns of the canonical schema; anything else is a trait.</summary>
public enum AccountField
{
    Name,
    Segment,
    Region,
    Plan,
    PartnerId,
    Revenue,
    ContractValue,
    Cltv,
    Strategic,
    LicensedSeats,
    CreatedAt,
}
