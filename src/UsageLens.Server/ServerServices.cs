using UsageLens.Core.Storage;
using UsageLens.Server.Authentication;
using UsageLens.Server.GroupCommit;
using UsageLens.Server.Ingestion;
using UsageLens.Server.OpenApi;
using UsageLens.Server.RateLimiting;

namespace UsageLens.Server;

internal static class ServerServices
{
    /// <summary>Registers the server's services. The workspace stays owned by the caller and is not disposed by the server.</summary>
    public static IServiceCollection AddUsageLens(this IServiceCollection services, ServerOptions options, IWorkspaceStore workspace, TimeProvider timeProvider)
    {
        services.AddSingleton(options);
        services.AddSingleton(workspace);
        services.AddSingleton(timeProvider);
        services.AddSingleton(workspace.Ingestion);
        services.AddSingleton(workspace.Queries);
        services.AddSingleton(workspace.Keys);
        services.AddSingleton<GroupCommitWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<GroupCommitWriter>());
        services.AddSingleton<IngestRequests>();
        services.AddApiKeyAuthentication();
        services.AddIngestRateLimits(options);
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<ApiKeySecurityDocument>());
        return services;
    }
}
