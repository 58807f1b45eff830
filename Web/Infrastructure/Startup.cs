using Blog.Web.Configuration;
using Blog.Web.Services;
using Blog.Web.Services.Accounts;
using Blog.Web.Services.Demo;
using Blog.Web.Services.Search;
using Microsoft.Extensions.Options;

namespace Blog.Web.Infrastructure;

public static class Startup
{
    /// <summary>The site's settings, the configured first admin and (outside Production) the demo content.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Services.Settings.SiteSettingsStore>().EnsureAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().PromoteConfiguredAdminAsync(cancellationToken);
        var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoContentOptions>>().Value;
        if (demo.Enabled && !app.Environment.IsProduction())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }

        // The full-text index lives beside the tables; rebuild it if it has fallen behind (a restore, a crash).
        var search = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        if (!await search.IsCompleteAsync(cancellationToken))
        {
            await search.RebuildAsync(cancellationToken);
        }
    }
}
