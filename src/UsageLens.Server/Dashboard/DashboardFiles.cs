using Microsoft.Extensions.FileProviders;

namespace UsageLens.Server.Dashboard;

/// <summary>
/// Serves the dashboard from files embedded in this assembly, so the single <c>usagelens</c>
/// binary carries its UI and nothing is fetched from a CDN.
/// </summary>
internal static class DashboardFiles
{
    public static IApplicationBuilder UseDashboard(this IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardFiles).Assembly, "UsageLens.Server.wwwroot");
        app.Use(async (context, next) =>
        {
            // The page loads only its own scripts and styles and talks only to this server.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            // The sign-in page stands alone, outside the app, at a path without an extension.
            if (context.Request.Path == "/login")
            {
                context.Request.Path = "/login.html";
            }
            await next(context).ConfigureAwait(false);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        return app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }
}
