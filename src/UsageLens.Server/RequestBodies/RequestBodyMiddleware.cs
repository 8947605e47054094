using UsageLens.Server.Ingestion;

namespace UsageLens.Server.RequestBodies;

/// <summary>
/// Buffers the body of endpoints marked with <see cref="BufferedBodyMetadata"/> before authentication
/// runs, because Segment clients may send their key inside the body as <c>writeKey</c>.
/// </summary>
internal sealed class RequestBodyMiddleware(RequestDelegate next, ServerOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<BufferedBodyMetadata>() is not { } metadata)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var limit = metadata.IsBatch(context.Request) ? options.MaxBatchBytes : options.MaxCallBytes;
        if (await RequestBodyReader.ReadAsync(context, limit).ConfigureAwait(false) is { } failure)
        {
            context.Response.StatusCode = failure.StatusCode;
            await context.Response.WriteAsJsonAsync(new IngestErrorResponse(failure.Error)).ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }
}
