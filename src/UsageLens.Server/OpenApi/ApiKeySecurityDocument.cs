using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace UsageLens.Server.OpenApi;

/// <summary>
/// Describes how keys are presented (HTTP Basic user name as Segment does, or a Bearer token) so that
/// generated clients and API explorers send them.
/// </summary>
internal sealed class ApiKeySecurityDocument : IOpenApiDocumentTransformer
{
    private const string Basic = "segmentWriteKey";
    private const string Bearer = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "UsageLens";
        document.Info.Description = "Usage ingestion (Segment Tracking API and CloudEvents). 200 means durably committed.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Basic] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "basic",
                Description = "The API key as the user name and an empty password, as Segment clients send their write key.",
            },
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The API key as a Bearer token.",
            },
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Basic, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
