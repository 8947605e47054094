namespace UsageLens.Demo;

/// <summary>List prices per plan: a platform fee plus a price per seat, in USD per month.</summary>
internal static class DemoPricing
{
    public const string Starter = "starter";
    public const string Growth = "growth";
    public const string Pro = "pro";
    public const string Enterprise = "enterprise";

    public static double Mrr(string plan, int seats, double discountPct)
    {
        var (fee, perSeat) = plan switch
        {
            Starter => (0d, 15d),
            Growth => (99d, 29d),
            Pro => (499d, 49d),
            _ => (2500d, 79d),
        };
        return Math.Round((fee + (seats * perSeat)) * (1 - (discountPct / 100)), 2);
    }

    public static string IncludedUnits(string plan) => plan switch
    {
        Starter => "{\"api_call\":50000,\"storage_used\":10}",
        Growth => "{\"api_call\":250000,\"storage_used\":50}",
        Pro => "{\"api_call\":1000000,\"storage_used\":250,\"compute_minutes\":2000}",
        _ => "{\"api_call\":10000000,\"storage_used\":2000,\"compute_minutes\":20000}",
    };

    public static string Upgrade(string plan) => plan switch
    {
        Starter => Growth,
        Growth => Pro,
        _ => Enterprise,
    };

    public static string Downgrade(string plan) => plan switch
    {
        Enterprise => Pro,
        Pro => Growth,
        _ => Starter,
    };
}
