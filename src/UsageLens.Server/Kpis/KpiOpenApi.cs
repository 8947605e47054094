using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using UsageLens.Core.Kpis;

namespace UsageLens.Server.Kpis;

/// <summary>
/// Describes the query parameters of <c>GET /api/v1/kpi/{name}</c> in the OpenAPI document from the
/// same list the endpoint reads them with, so the document cannot drift from what is honoured.
/// </summary>
internal static class KpiOpenApi
{
    public static Task DescribeAsync(OpenApiOperation operation, IReadOnlyList<KpiParameter> parameters)
    {
        operation.Parameters ??= [];
        foreach (var parameter in parameters)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Description = parameter.Description,
                Required = false,
                Style = ParameterStyle.Form,
                Explode = parameter.Repeatable,
                Schema = parameter.Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = Schema(parameter) } : Schema(parameter),
            });
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Schema(KpiParameter parameter) => parameter.Kind switch
    {
        KpiParameterKind.Date => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
        KpiParameterKind.Switch => new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(parameter.Default) },
        _ => new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
