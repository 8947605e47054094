using UsageLens.Server.Ingestion;

namespace UsageLens.Server.Contract;

/// <summary>
/// Routing answers a body of a media type no endpoint accepts with a bare 415; this says which header was
/// refused and where the accepted ones are listed, as every other refusal names its field.
/// </summary>
internal static class UnsupportedMediaTypes
{
    public static IApplicationBuilder UseUnsupportedMediaTypeErrors(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async pages =>
        {
            var http = pages.HttpContext;
            if (http.Response.StatusCode != StatusCodes.Status415UnsupportedMediaType)
            {
                return;
            }
            var sent = http.Request.ContentType is { Length: > 0 } type ? $"'{type}'" : "(none)";
            await http.Response.WriteAsJsonAsync(new IngestErrorResponse(
                $"Content-Type {sent} is not accepted by {http.Request.Path}; the OpenAPI document (/openapi/v1.json) lists the media types it takes")).ConfigureAwait(false);
        });
}
