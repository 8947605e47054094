namespace UsageLens.Core.Accounts;

/// <summary>The canonical column each typed account field is stored in, on every engine.</summary>
public static class AccountColumns
{
    /// <summary>The column name of <paramref name="field"/>.</summary>
    public static string Name(AccountField field) => field switch
    {
        AccountField.Name => "name",
        AccountField.Segment => "segment",
        AccountField.Region => "region",
        AccountField.Plan => "plan",
        AccountField.PartnerId => "partner_id",
        AccountField.Revenue => "revenue",
        AccountField.ContractValue => "contract_value",
        AccountField.Cltv => "cltv",
        AccountField.Strategic => "strategic",
        AccountField.LicensedSeats => "licensed_seats",
        AccountField.CreatedAt => "created_at",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
