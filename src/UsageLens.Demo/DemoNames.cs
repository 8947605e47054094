namespace UsageLens.Demo;

/// <summary>Word lists that make invented companies and people read like a real CRM export.</summary>
internal static class DemoNames
{
    public static IReadOnlyList<DemoPartner> Partners { get; } =
    [
        new("p-northwind", "Northwind Partners"),
        new("p-contoso", "Contoso Consulting"),
        new("p-fabrikam", "Fabrikam Solutions"),
        new("p-adatum", "Adatum Systems"),
        new("p-tailspin", "Tailspin Advisory"),
    ];

    // Northwind is the biggest reseller, so "Northwind's customers" is a meaningful slice.
    public static IReadOnlyList<double> PartnerWeights { get; } = [0.32, 0.24, 0.18, 0.14, 0.12];

    public static IReadOnlyList<string> CompanyStems { get; } =
    [
        "Acme", "Apex", "Arbor", "Atlas", "Aurora", "Beacon", "Birch", "Bluefin", "Boreal", "Brightwater",
        "Cascade", "Cedar", "Copper", "Crescent", "Crestline", "Delta", "Driftwood", "Ember", "Evergreen", "Falcon",
        "Fjord", "Granite", "Harbor", "Helix", "Horizon", "Ironwood", "Juniper", "Keystone", "Lakeshore", "Lumen",
        "Maple", "Meridian", "Nimbus", "Northgate", "Oakridge", "Orbit", "Pinnacle", "Polaris", "Quarry", "Redwood",
        "Ridgeway", "Riverbend", "Sable", "Sequoia", "Silverline", "Solstice", "Sterling", "Summit", "Tidewater", "Timber",
        "Trident", "Umber", "Vantage", "Vector", "Verdant", "Westbrook", "Willow", "Zenith", "Zephyr", "Kestrel",
    ];

    public static IReadOnlyList<(string Noun, string Industry)> CompanyNouns { get; } =
    [
        ("Logistics", "Logistics"), ("Freight", "Logistics"), ("Shipping", "Logistics"),
        ("Analytics", "Software"), ("Software", "Software"), ("Labs", "Software"), ("Cloud", "Software"), ("Data", "Software"),
        ("Health", "Healthcare"), ("Medical", "Healthcare"), ("Clinics", "Healthcare"),
        ("Capital", "Financial services"), ("Financial", "Financial services"), ("Insurance", "Financial services"), ("Payments", "Financial services"),
        ("Retail", "Retail"), ("Outfitters", "Retail"), ("Markets", "Retail"), ("Goods", "Retail"),
        ("Manufacturing", "Manufacturing"), ("Industries", "Manufacturing"), ("Robotics", "Manufacturing"), ("Materials", "Manufacturing"),
        ("Energy", "Energy"), ("Power", "Energy"), ("Solar", "Energy"),
        ("Media", "Media"), ("Studios", "Media"), ("Publishing", "Media"),
        ("Telecom", "Telecommunications"), ("Networks", "Telecommunications"),
        ("Foods", "Food & beverage"), ("Brewing", "Food & beverage"),
        ("Education", "Education"), ("Learning", "Education"),
        ("Travel", "Travel"), ("Hotels", "Travel"),
        ("Biotech", "Life sciences"), ("Genomics", "Life sciences"),
        ("Construction", "Construction"),
    ];

    public static IReadOnlyList<string> FirstNames { get; } =
    [
        "Ava", "Ben", "Chloe", "Daniel", "Elena", "Felix", "Grace", "Hiro", "Isabel", "Jonas",
        "Kira", "Liam", "Maya", "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Samir", "Tara",
        "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe", "Aisha", "Bruno", "Carmen", "Dmitri",
        "Emma", "Farah", "Gabriel", "Hannah", "Ivan", "Julia", "Kenji", "Lucia", "Mateo", "Nadia",
    ];

    public static IReadOnlyList<string> LastNames { get; } =
    [
        "Anderson", "Bauer", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jensen",
        "Kowalski", "Larsen", "Martin", "Nakamura", "Okafor", "Patel", "Quintero", "Rossi", "Silva", "Tanaka",
        "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Almeida", "Brown", "Costa", "Diaz",
        "Eriksson", "Ferreira", "Gupta", "Huang", "Ivanova", "Johnson", "Kim", "Lopez", "Müller", "Nguyen",
    ];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LegalSuffixes { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["NA"] = ["Inc.", "Corp.", "LLC", ""],
        ["EMEA"] = ["GmbH", "Ltd", "AG", "SAS", "B.V.", ""],
        ["APAC"] = ["Pty Ltd", "Pte. Ltd.", "K.K.", ""],
        ["LATAM"] = ["S.A.", "Ltda.", "S.A. de C.V.", ""],
    };

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> TopLevelDomains { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["NA"] = ["com", "com", "io", "co"],
        ["EMEA"] = ["com", "de", "co.uk", "fr", "nl", "io"],
        ["APAC"] = ["com", "com.au", "sg", "jp"],
        ["LATAM"] = ["com", "com.br", "com.mx", "cl"],
    };

    public static IReadOnlyList<string> PromoterComments { get; } =
    [
        "The usage dashboards save our ops team hours every week.",
        "Exports and scheduled reports are exactly what finance needed.",
        "Support is fast and the API is rock solid.",
        "We rolled it out to every team; adoption was effortless.",
    ];

    public static IReadOnlyList<string> PassiveComments { get; } =
    [
        "Works well, but pricing for extra seats is steep.",
        "Good product; the report builder could be more flexible.",
        "Solid, though onboarding new users took a while.",
    ];

    public static IReadOnlyList<string> DetractorComments { get; } =
    [
        "Too expensive for how little our team uses it.",
        "We struggled to get value beyond the first project.",
        "Dashboards are slow on our larger datasets.",
        "We are moving to an in-house solution.",
        "Missing integrations we need; considering alternatives.",
    ];
}
