using System.Text.Json;
using DuckDB.NET.Data;

namespace UsageLens.Demo.DuckDb;

/// <summary>Appends the scenario's partners, accounts, users, subscriptions and survey answers.</summary>
internal static class DemoProfiles
{
    public static void Append(DuckDBConnection connection, DemoScenario scenario)
    {
        // Stamped with the as-of day rather than the wall clock, so a seed always gives identical tables.
        var stamp = scenario.Options.EndDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        AppendPartners(connection, scenario);
        AppendAccounts(connection, scenario, stamp);
        AppendUsers(connection, scenario, stamp);
        AppendSubscriptions(connection, scenario);
        AppendNps(connection, scenario);
    }

    private static void AppendPartners(DuckDBConnection connection, DemoScenario scenario)
    {
        using var appender = connection.CreateAppender("partners");
        foreach (var partner in scenario.Partners)
        {
            appender.CreateRow().AppendValue(partner.PartnerId).AppendValue(partner.Name).EndRow();
        }
    }

    private static void AppendAccounts(DuckDBConnection connection, DemoScenario scenario, DateTime stamp)
    {
        using var appender = connection.CreateAppender("accounts");
        foreach (var a in scenario.Accounts)
        {
            var traits = JsonSerializer.Serialize(new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["domain"] = a.Domain,
                ["employees"] = a.Employees,
                ["industry"] = a.Industry,
            });
            appender.CreateRow()
                .AppendValue(a.AccountId).AppendValue(a.Name).AppendValue(a.Segment).AppendValue(a.Region).AppendValue(a.Plan)
                .AppendValue(a.PartnerId).AppendValue(a.Revenue).AppendValue(a.ContractValue).AppendValue(a.Cltv)
                .AppendValue(a.Strategic).AppendValue(a.LicensedSeats).AppendValue(a.CreatedAt).AppendValue(traits).AppendValue(stamp)
                .EndRow();
        }
    }

    private static void AppendUsers(DuckDBConnection connection, DemoScenario scenario, DateTime stamp)
    {
        using var appender = connection.CreateAppender("users");
        foreach (var u in scenario.Users)
        {
            // The first person at each customer set the account up and administers it.
            var traits = u.Ordinal == 0 ? """{"role":"admin"}""" : """{"role":"member"}""";
            appender.CreateRow()
                .AppendValue(u.UserId).AppendValue(u.AccountId).AppendValue(u.Email).AppendValue(u.CreatedAt).AppendValue(traits).AppendValue(stamp)
                .EndRow();
        }
    }

    private static void AppendSubscriptions(DuckDBConnection connection, DemoScenario scenario)
    {
        using var appender = connection.CreateAppender("subscriptions");
        foreach (var s in scenario.Subscriptions)
        {
            appender.CreateRow()
                .AppendValue(s.AccountId).AppendValue(s.EffectiveAt).AppendValue(s.Plan).AppendValue(s.Mrr).AppendValue(s.Currency)
                .AppendValue(s.DiscountPct).AppendValue(s.Seats).AppendValue(s.IncludedUnitsJson)
                .EndRow();
        }
    }

    private static void AppendNps(DuckDBConnection connection, DemoScenario scenario)
    {
        using var appender = connection.CreateAppender("nps");
        foreach (var n in scenario.NpsAnswers)
        {
            appender.CreateRow()
                .AppendValue(n.AccountId).AppendValue(n.UserId ?? string.Empty).AppendValue(n.RespondedAt).AppendValue(n.Score).AppendValue(n.Comment)
                .EndRow();
        }
    }
}
