namespace UsageLens.Demo;

/// <summary>Hands out unique, plausible company names ("Bluefin Logistics GmbH") with a matching web domain.</summary>
internal sealed class DemoCompanyNames(DemoRandom random)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public (string Name, string Domain, string Industry) Next(string region)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stem = random.Pick(DemoNames.CompanyStems);
            var (noun, industry) = random.Pick(DemoNames.CompanyNouns);
            // Once the word lists run dry, a numbered division keeps names unique at any size.
            var brand = attempt < 20 ? $"{stem} {noun}" : $"{stem} {noun} {attempt}";
            if (!_used.Add(brand))
            {
                continue;
            }
            var suffix = random.Pick(DemoNames.LegalSuffixes[region]);
            var name = suffix.Length == 0 ? brand : $"{brand} {suffix}";
            var domain = $"{brand.Replace(" ", "-", StringComparison.Ordinal).ToLowerInvariant()}.{random.Pick(DemoNames.TopLevelDomains[region])}";
            return (name, domain, industry);
        }
    }
}
