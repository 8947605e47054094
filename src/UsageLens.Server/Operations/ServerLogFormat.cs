namespace UsageLens.Server.Operations;

/// <summary>How the server writes its log to the console.</summary>
public enum ServerLogFormat
{
    /// <summary>One readable line per entry, for a terminal.</summary>
    Text,

    /// <summary>One JSON object per line (Microsoft.Extensions.Logging's JSON console formatter), for log collectors.</summary>
    Json,
}
