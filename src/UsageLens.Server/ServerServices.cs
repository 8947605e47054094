using System.Text.Encodings.Web;
using System.Text.Unicode;
using UsageLens.Core.Insights.Contract;
using UsageLens.Core.Kpis.Contract;
using UsageLens.Core.Storage;
using UsageLens.Questions.Contract;
using UsageLens.Server.Alerts;
using UsageLens.Server.Authentication;
using UsageLens.Server.Contract;
using UsageLens.Server.GroupCommit;
using UsageLens.Server.Ingestion;
using UsageLens.Server.OpenApi;
using UsageLens.Server.Operations;
using UsageLens.Server.RateLimiting;
using UsageLens.Server.Workspace;

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
        services.AddSingleton(workspace.Users);
        services.AddSingleton(workspace.Erasures);
        services.AddSingleton<WorkspaceCatalogCache>();
        services.AddSingleton<Workspace.ResultCache>();
        services.AddSingleton<ScheduledRunContexts>();
        services.AddSingleton<GroupCommitWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<GroupCommitWriter>());
        services.AddSingleton<IngestRequests>();
        services.AddSingleton<AlertServices>();
        services.AddHostedService<AlertScheduleService>();
        services.AddSingleton<Operations.OwnRequestMark>();
        services.AddSingleton<Dashboard.DashboardWarmup>();
        services.AddHostedService(provider => provider.GetRequiredService<Dashboard.DashboardWarmup>());
        services.AddHostedService<Rollups.RollupCompactor>();
        services.AddApiKeyAuthentication();
        services.AddIngestRateLimits(options);
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, Sessions.SignInRateLimit>(Sessions.SignInRateLimit.Policy));
        // The contract's records are written by source-generated serializers, the same the CLI uses;
        // types not listed there (the KPI list, ingestion bodies) fall through to reflection.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, KpiJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, AskJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(2, InsightContractJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(3, ServerJsonContext.Default);
            // Interpretations are written with "·" and names may be in any script: keep them readable,
            // while characters that matter in HTML (<, >, &, ') stay escaped.
            json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<Reports.ReportServices>();
        services.AddHostedService<Reports.ReportScheduleService>();
        services.AddReadinessChecks();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<ApiKeySecurityDocument>());
        return services;
    }
}
