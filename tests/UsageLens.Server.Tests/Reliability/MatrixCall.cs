using System.Net.Http.Headers;
using System.Text;

namespace UsageLens.Server.Tests.Reliability;

/// <summary>One cell of the isolation matrix: an operation called by a role with a path, query and body.</summary>
internal sealed record MatrixCall(ApiOperation Operation, string Role, string Uri, string? Body)
{
    /// <summary>Everything the caller itself sent, decoded: an error may echo it without leaking anything.</summary>
    public string Sent => System.Uri.UnescapeDataString(Uri) + "\n" + Body;

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method), new Uri(Uri, UriKind.Relative));
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(Operation.BodyMediaType ?? "application/json");
        }
        return request;
    }

    public override string ToString() => $"{Role} {Operation.Method} {Uri}{(Body is null ? "" : " " + Body)}";
}
