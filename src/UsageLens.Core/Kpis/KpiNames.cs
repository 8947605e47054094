namespace UsageLens.Core.Kpis;

/// <summary>
/// The names of the KPIs other projects reason about by name: a question with a bare metric becomes
/// <see cref="Usage"/> or <see cref="TopCustomerShare"/>, and <see cref="Concentration"/> takes a top-N of its own.
/// </summary>
public static class KpiNames
{
    public const string Usage = "usage";

    public const string TopCustomerShare = "top-customer-share";

    public const string Concentration = "concentration";
}
