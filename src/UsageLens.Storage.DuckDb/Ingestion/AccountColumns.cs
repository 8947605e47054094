using UsageLens.Core.Accounts;

namespace UsageLens.Storage.DuckDb.Ingestion;

internal static class AccountColumns
{
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
