using UsageLens.Core.Accounts;

namespace UsageLens.Ingest.Wire;

/// <summary>
/// Maps the traits object of a profile call (Segment's <c>group</c> and <c>identify</c> <c>traits</c>, PostHog's
/// <c>$group_set</c> and <c>$set</c>) onto the canonical account and user fields. Both the canonical snake_case
/// names and Segment's reserved camelCase traits (<c>createdAt</c>) are recognised.
/// </summary>
internal static class ProfileTraits
{
    private static readonly HashSet<string> s_accountTraits = new(StringComparer.Ordinal)
    {
        "name", "segment", "region", "plan", "partner_id", "revenue", "contract_value", "cltv",
        "strategic", "licensed_seats", "seats", "created_at", "createdAt",
    };

    private static readonly HashSet<string> s_userTraits = new(StringComparer.Ordinal) { "email", "created_at", "createdAt" };

    public static AccountUpsert Account(MessageFields fields, string accountId, string traits = "traits")
    {
        var values = new Dictionary<AccountField, object?>();
        Put(AccountField.Name, fields.Text($"{traits}.name"));
        Put(AccountField.Segment, fields.Text($"{traits}.segment"));
        Put(AccountField.Region, fields.Text($"{traits}.region"));
        Put(AccountField.Plan, fields.Text($"{traits}.plan"));
        Put(AccountField.PartnerId, fields.Text($"{traits}.partner_id"));
        Put(AccountField.Revenue, fields.Number($"{traits}.revenue"));
        Put(AccountField.ContractValue, fields.Number($"{traits}.contract_value"));
        Put(AccountField.Cltv, fields.Number($"{traits}.cltv"));
        Put(AccountField.Strategic, fields.Flag($"{traits}.strategic"));
        Put(AccountField.LicensedSeats, fields.WholeNumber($"{traits}.licensed_seats") ?? fields.WholeNumber($"{traits}.seats"));
        Put(AccountField.CreatedAt, CreatedAt(fields, traits));
        return new AccountUpsert(accountId, values, JsonObjects.Remaining(fields.Object(traits), s_accountTraits));

        void Put(AccountField field, object? value)
        {
            if (value is not null)
            {
                values[field] = value;
            }
        }
    }

    public static UserUpsert User(MessageFields fields, string userId, string traits = "traits") =>
        new(userId, null, fields.Text($"{traits}.email"), CreatedAt(fields, traits), JsonObjects.Remaining(fields.Object(traits), s_userTraits));

    private static DateTime? CreatedAt(MessageFields fields, string traits) =>
        (fields.Timestamp($"{traits}.created_at") ?? fields.Timestamp($"{traits}.createdAt"))?.UtcDateTime;
}
