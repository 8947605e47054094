using UsageLens.Core.Events;

namespace UsageLens.Ingest.Wire;

/// <summary>
/// The usage fields a tracking call carries in its <c>properties</c> (Segment, RudderStack, PostHog):
/// <c>quantity</c>, <c>unit</c>, <c>product</c>, <c>classification</c>, and the properties stored as they are.
/// </summary>
internal sealed record UsageProperties(double Quantity, string Unit, string? Product, string? Classification, string? PropertiesJson)
{
    private static readonly HashSet<string> s_recognised = new(StringComparer.Ordinal)
    {
        "quantity", "unit", "account_id", "product", "classification",
    };

    /// <summary>Whether a property is stored as is rather than read into a canonical field.</summary>
    public static bool IsKept(string name) => !s_recognised.Contains(name);

    /// <summary>Reads the usage fields; a value of the wrong kind is a problem of <paramref name="fields"/>. <paramref name="kept"/> picks the stored properties.</summary>
    public static UsageProperties Read(MessageFields fields, Func<string, bool> kept) => new(
        fields.Number("properties.quantity") ?? EventDefaults.Quantity,
        fields.Text("properties.unit") ?? EventDefaults.Unit,
        fields.Text("properties.product"),
        fields.Text("properties.classification"),
        JsonObjects.Remaining(fields.Object("properties"), kept));

    /// <summary>The event; a null <see cref="EventIdentity.Account"/> is stored as empty until the user's stored account fills it.</summary>
    public UsageEvent ToEvent(EventIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var normalized = EventName.Normalize(identity.Name);
        return new UsageEvent(identity.Id, "", identity.Time, identity.Account ?? "", identity.User, normalized,
            Quantity, Unit, Product, Classification, PropertiesJson, identity.Name == normalized ? null : identity.Name);
    }
}
