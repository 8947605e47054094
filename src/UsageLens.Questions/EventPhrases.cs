namespace UsageLens.Questions;

/// <summary>
/// Everyday phrases for the metered events most products have, beyond the event's own name:
/// people say "sign-ins" and "logged in" for <c>login</c>, "API requests" for <c>api_call</c>.
/// </summary>
internal static class EventPhrases
{
    private static readonly Dictionary<string, string[]> s_phrases = new(StringComparer.Ordinal)
    {
        ["login"] = ["log in", "log ins", "log-ins", "logged in", "logins", "sign in", "sign ins", "sign-ins", "signed in", "signins"],
        ["api_call"] = ["api request", "api requests", "api usage", "api traffic", "calls to the api"],
        ["export"] = ["exported", "exporting"],
        ["dashboard_view"] = ["dashboards viewed", "dashboard viewed", "viewed dashboards"],
        ["storage_used"] = ["storage usage", "gb of storage", "gb stored"],
        ["compute_minutes"] = ["compute time", "compute usage"],
        ["report_generated"] = ["reports run", "generated report"],
    };

    public static IReadOnlyList<string> For(string eventName) => s_phrases.TryGetValue(eventName, out var phrases) ? phrases : [];
}
