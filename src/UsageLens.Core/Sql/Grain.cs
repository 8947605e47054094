namespace UsageLens.Core.Sql;

/// <summary>The calendar unit a series is bucketed by.</summary>
public enum Grain
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
}
