namespace UsageLens.Demo;

/// <summary>What kind of customers the demo invents.</summary>
public enum DemoProfile
{
    /// <summary>A B2B SaaS product: API calls, logins, reports, data processed.</summary>
    Saas,

    /// <summary>Factories whose machines report production, defects, material, energy and their state.</summary>
    Manufacturing,
}
