using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using UsageLens.Core;

namespace UsageLens.Server.Contract;

/// <summary>
/// The CSV exports of the read API: asked for with <c>format=csv</c> or <c>Accept: text/csv</c> (an explicit
/// <c>format=json</c> wins over the header), answered as a <c>text/csv</c> attachment with a header row.
/// </summary>
internal static class CsvExport
{
    /// <summary>The query parameter, which no KPI or insight takes as its own option.</summary>
    public const string Parameter = "format";

    public static bool Wanted(HttpRequest request)
    {
        var format = request.Query[Parameter].FirstOrDefault()?.Trim().ToLowerInvariant();
        return format switch
        {
            null => request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)),
            "csv" => true,
            "json" => false,
            _ => throw new UsageLensException($"{Parameter}: '{format}' must be json or csv"),
        };
    }

    public static FileContentHttpResult File(string name, Action<TextWriter> write)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        write(text);
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"{name}.csv");
    }
}
