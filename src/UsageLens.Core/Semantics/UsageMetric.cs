using System.Diagnostics.CodeAnalysis;

namespace UsageLens.Core.Semantics;

/// <summary>An event name aggregated one way: <c>api_call</c> (sum of quantity), <c>count(api_call)</c>, <c>users(login)</c>, <c>accounts(export)</c>.</summary>
public sealed record UsageMetric(string Event, Aggregation Aggregation)
{
    private static readonly (string Prefix, Aggregation Aggregation)[] s_forms =
    [
        ("sum", Aggregation.Sum),
        ("count", Aggregation.Count),
        ("users", Aggregation.Users),
        ("accounts", Aggregation.Accounts),
    ];

    /// <summary>Parses the metric syntax. Returns false with a reason for malformed text; the event name is checked later against the workspace.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out UsageMetric? metric, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        metric = null;
        error = null;
        var open = trimmed.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            metric = new UsageMetric(trimmed, Aggregation.Sum);
        }
        else if (trimmed.EndsWith(')') && s_forms.FirstOrDefault(f => string.Equals(f.Prefix, trimmed[..open].Trim(), StringComparison.OrdinalIgnoreCase)) is { Prefix: not null } form)
        {
            metric = new UsageMetric(trimmed[(open + 1)..^1].Trim(), form.Aggregation);
        }
        else
        {
            error = $"'{text}' is not a metric: write an event name, or sum(...), count(...), users(...) or accounts(...) around one";
            return false;
        }
        if (metric.Event.Length == 0)
        {
            error = $"'{text}' names no event";
            metric = null;
            return false;
        }
        return true;
    }

    /// <summary>The unit the metric's values are in, given the meter's unit.</summary>
    public string ValueUnit(string meterUnit) => Aggregation switch
    {
        Aggregation.Sum => meterUnit,
        Aggregation.Count => "events",
        Aggregation.Users => "users",
        _ => "accounts",
    };

    public override string ToString() => Aggregation == Aggregation.Sum ? Event : $"{Aggregation.ToString().ToLowerInvariant()}({Event})";
}
