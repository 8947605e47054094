using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;

namespace UsageLens.Server.RequestBodies;

/// <summary>
/// Reads a whole body into memory, gunzipping it when <c>Content-Encoding: gzip</c>, and stops as soon
/// as the decoded size passes the limit: a small zip bomb costs at most the limit, never the bomb's size.
/// </summary>
internal static class RequestBodyReader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Sets <see cref="BufferedRequestBody"/> on the request, or returns why the body was refused.</summary>
    public static async Task<BodyReadFailure?> ReadAsync(HttpContext context, int limit)
    {
        var request = context.Request;
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return new BodyReadFailure(StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{encoding}' is not supported; send gzip or an unencoded body");
        }
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } rawLimit)
        {
            rawLimit.MaxRequestBodySize = limit;
        }
        try
        {
            var bytes = await ReadCappedAsync(request.Body, gzip, limit, context.RequestAborted).ConfigureAwait(false);
            if (bytes is null)
            {
                return TooLarge(limit);
            }
            context.Features.Set(new BufferedRequestBody(bytes));
            return null;
        }
        catch (InvalidDataException)
        {
            return new BodyReadFailure(StatusCodes.Status400BadRequest, "the body is not valid gzip");
        }
        catch (BadHttpRequestException ex)
        {
            return ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(limit)
                : new BodyReadFailure(ex.StatusCode, "the request body could not be read");
        }
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream body, bool gzip, int limit, CancellationToken cancellationToken)
    {
        var source = gzip ? new GZipStream(body, CompressionMode.Decompress, leaveOpen: true) : body;
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var buffer = new MemoryStream();
            int read;
            while ((read = await source.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            if (gzip)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static BodyReadFailure TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"the body is over the {limit}-byte limit for this endpoint (after gzip decoding)");
}
