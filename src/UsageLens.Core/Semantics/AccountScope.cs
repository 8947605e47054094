namespace UsageLens.Core.Semantics;

/// <summary>
/// The accounts a caller may see. Every query carries one; there is no way to build a query
/// without it, so a partner can never read another partner's customers.
/// </summary>
public sealed record AccountScope
{
    private const string PartnerDimension = "partner_id";

    private const string UserIdDimension = "user_id";

    private AccountScope(string? partnerId) => PartnerId = partnerId;

    /// <summary>Every account in the workspace.</summary>
    public static AccountScope All { get; } = new((string?)null);

    /// <summary>Only the accounts owned by one channel partner.</summary>
    public static AccountScope Partner(string partnerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(partnerId);
        return new AccountScope(partnerId);
    }

    /// <summary>The partner whose accounts are visible, or null for all accounts.</summary>
    public string? PartnerId { get; }

    public bool IsAll => PartnerId is null;

    /// <summary>Whether people's e-mails and names are masked for this caller (viewers and partners by default).</summary>
    public bool MasksPii { get; private init; }

    /// <summary>The user traits that are personal data when <see cref="MasksPii"/> (such as <c>email</c> and <c>name</c>).</summary>
    public IReadOnlyList<string> PiiTraits { get; private init; } = [];

    /// <summary>The same accounts, with people's e-mails, the <paramref name="piiTraits"/> and e-mail user ids masked.</summary>
    public AccountScope MaskingPii(IEnumerable<string> piiTraits)
    {
        ArgumentNullException.ThrowIfNull(piiTraits);
        return this with { MasksPii = true, PiiTraits = [.. piiTraits] };
    }

    /// <summary>Scopes are equal when they see the same accounts and mask the same traits (caches key on scopes).</summary>
    public bool Equals(AccountScope? other) =>
        other is not null
        && PartnerId == other.PartnerId
        && MasksPii == other.MasksPii
        && PiiTraits.SequenceEqual(other.PiiTraits, StringComparer.OrdinalIgnoreCase);

    public override int GetHashCode() =>
        HashCode.Combine(PartnerId, MasksPii, string.Join('\n', PiiTraits).ToUpperInvariant());

    /// <summary>How a dimension's values are shown to this caller: as they are, pseudonymised, or pseudonymised when they are e-mails.</summary>
    public PiiMasking Masking(Dimension dimension)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        if (!MasksPii)
        {
            return PiiMasking.None;
        }
        if (dimension.Source == DimensionSource.User
            && (dimension.Column == "email" || (dimension.JsonKey is { } key && PiiTraits.Contains(key, StringComparer.OrdinalIgnoreCase)) || PiiTraits.Contains(dimension.Name, StringComparer.OrdinalIgnoreCase)))
        {
            return PiiMasking.Always;
        }
        return dimension.Source == DimensionSource.Event && dimension.Column == UserIdDimension ? UserIdMasking : PiiMasking.None;
    }

    /// <summary>How a user id (of an event or an NPS answer) is shown to this caller: ids that are e-mails are pseudonymised when PII is masked.</summary>
    public PiiMasking UserIdMasking => MasksPii ? PiiMasking.EmailsOnly : PiiMasking.None;

    /// <summary>
    /// Refuses filters that name a partner other than this scope's: the scope would return nothing,
    /// and silently answering zero would hide that the key may not look there.
    /// </summary>
    public void Admit(IEnumerable<Filter> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var list = filters.ToList();
        AdmitPii(list);
        if (PartnerId is null)
        {
            return;
        }
        foreach (var filter in list.Where(f => f.Dimension.Name == PartnerDimension && f.Operator == FilterOperator.In))
        {
            var other = filter.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault(v => v != PartnerId);
            if (other is not null)
            {
                throw new UsageLensException(UsageLensErrorKind.Forbidden, $"{filter}: this key sees only partner '{PartnerId}'s accounts, not partner '{other}'s");
            }
        }
    }

    // A filter on a masked value would let a caller probe it ("is jane@acme.com a user?"), so it is refused.
    private void AdmitPii(List<Filter> filters)
    {
        foreach (var filter in filters)
        {
            var masking = Masking(filter.Dimension);
            var probes = masking == PiiMasking.Always
                || (masking == PiiMasking.EmailsOnly && filter.Values.Any(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Contains('@', StringComparison.Ordinal) == true));
            if (probes)
            {
                throw new UsageLensException(UsageLensErrorKind.Forbidden, $"{filter}: people's e-mails and names are masked for this caller, so they cannot be filtered on");
            }
        }
    }
}
