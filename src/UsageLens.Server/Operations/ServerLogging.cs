namespace UsageLens.Server.Operations;

/// <summary>The console log: text or JSON lines, UTC timestamps, and ASP.NET Core's own per-request lines left out.</summary>
internal static class ServerLogging
{
    public static void Configure(ILoggingBuilder logging, ServerLogFormat format)
    {
        logging.ClearProviders();
        if (format == ServerLogFormat.Json)
        {
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        else
        {
            logging.AddSimpleConsole(text =>
            {
                text.SingleLine = true;
                text.UseUtcTimestamp = true;
                text.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
        }
        // Hosting's "Request starting" lines carry the query string; RequestLogging writes one line per request without it.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    }
}
