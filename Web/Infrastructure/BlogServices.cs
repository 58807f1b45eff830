using System.Net;
using System.Threading.RateLimiting;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Infrastructure.Caching;
using Blog.Web.Infrastructure.Limits;
using Blog.Web.Services;
using Blog.Web.Services.Accounts;
using Blog.Web.Services.Comments;
using Blog.Web.Services.Demo;
using Blog.Web.Services.Jobs;
using Blog.Web.Services.Moderation;
using Blog.Web.Services.Newsroom;
using Blog.Web.Services.Search;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Infrastructure;

public static class Policies
{
    /// <summary>Editors and admins: the newsroom.</summary>
    public const string Editor = "Editor";

    /// <summary>Editors, legal staff and admins: the moderation desk.</summary>
    public const string Moderator = "Moderator";

    public const string Admin = "Admin";
}

public static class BlogServices
{
    public const string AccountPostsPolicy = "account-posts";

    public static WebApplicationBuilder AddBlog(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        AddOptions<SiteOptions>(services, SiteOptions.Section);
        AddOptions<MailOptions>(services, MailOptions.Section);
        AddOptions<DemoContentOptions>(services, DemoContentOptions.Section);
        AddOptions<MediaOptions>(services, MediaOptions.Section);
        AddOptions<BootstrapAdminOptions>(services, BootstrapAdminOptions.Section);
        AddOptions<SecurityOptions>(services, SecurityOptions.Section);
        AddOptions<SubscriptionOptions>(services, SubscriptionOptions.Section);
        AddOptions<CommentOptions>(services, CommentOptions.Section);
        AddOptions<ModerationOptions>(services, ModerationOptions.Section);
        AddOptions<StripeOptions>(services, StripeOptions.Section);
        AddOptions<LegalOptions>(services, LegalOptions.Section);
        // AllowedHosts "*" (the development default) means only the host of Site:BaseUrl in Production: a request
        // naming another host is refused before anything reads it.
        if (builder.Environment.IsProduction())
        {
            services.AddOptions<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>()
                .PostConfigure<IOptions<SiteOptions>>((hosts, site) =>
                {
                    if (hosts.AllowedHosts.Count == 0 || hosts.AllowedHosts.Contains("*"))
                    {
                        hosts.AllowedHosts = [new Uri(site.Value.BaseUrl).Host];
                    }
                });
        }

        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        // Plain http is allowed for cookies only on a developer's machine, never in Production.
        var httpsCookies = security.HttpsCookies || builder.Environment.IsProduction();
        var cookiePrefix = httpsCookies ? "__Host-" : "";
        var cookieSecurity = httpsCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        services.AddSingleton(TimeProvider.System);

        services.AddSiteCache(configuration);
        services.AddSingleton<CacheEviction>();
        AddDatabase(services, configuration, builder.Environment.ContentRootPath);

        services.AddDataProtection().SetApplicationName("Docket").PersistKeysToDbContext<BlogDbContext>();
        AddAccounts(services, security, cookiePrefix + "docket", cookieSecurity);

        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<IMailSender>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.SmtpHost)
                ? ActivatorUtilities.CreateInstance<PickupDirectoryMailSender>(sp)
                : ActivatorUtilities.CreateInstance<SmtpMailSender>(sp));
        services.AddScoped<Services.Settings.SiteSettingsStore>();
        services.AddSingleton<Services.Media.IMediaStore, Services.Media.FileMediaStore>();
        services.AddScoped<Services.Media.ImageUploads>();
        services.AddScoped<ArticleQueries>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<SearchService>();
        services.AddScoped<ReaderAccess>();
        services.AddScoped<FeedService>();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<CaseEditor>();
        services.AddScoped<CommentService>();
        services.AddScoped<CommentRouter>();
        services.AddScoped<ModerationService>();
        services.AddScoped<BulkModeration>();
        services.AddScoped<SuppressionOrderService>();
        services.AddScoped<Services.Legal.Statements>();
        services.AddScoped<Services.Legal.ComplaintMail>();
        services.AddScoped<Services.Legal.ComplaintSteps>();
        services.AddScoped<Services.Legal.ComplaintService>();
        services.AddScoped<Services.Legal.TransparencyReport>();
        services.AddScoped<AdService>();
        services.AddSingleton<Services.Ads.AdCounter>();
        services.AddHostedService<Services.Ads.AdCountWriter>();
        services.AddScoped<SubscriptionService>();
        services.AddScoped<GiftCodeService>();
        services.AddScoped<StripeBilling>();
        services.AddScoped<Services.Bench.BenchSeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddBackgroundWork(configuration);

        services.AddAuthorization(options =>
        {
            options.AddPolicy(Policies.Editor, policy => policy.RequireRole(Roles.Newsroom));
            options.AddPolicy(Policies.Moderator, policy => policy.RequireRole(Roles.Moderators));
            options.AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));
        });

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Account/Manage");
            options.Conventions.AuthorizeFolder("/Editor", Policies.Editor);
            options.Conventions.AuthorizeFolder("/Moderation", Policies.Moderator);
            options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            options.Conventions.AddFolderApplicationModelConvention("/Admin",
                model => model.Filters.Add(new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None }));
            options.Conventions.AddFolderApplicationModelConvention("/Moderation",
                model => model.Filters.Add(new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None }));
            options.Conventions.AddPageRoute("/Editor/Articles/Edit", "/editor/articles/new");
            options.Conventions.AddPageRoute("/Editor/Cases/Edit", "/editor/cases/new");
            options.Conventions.AuthorizePage("/Account/Logout");
            // Account pages carry personal data and tokens: never cached by a browser or proxy.
            options.Conventions.AddFolderApplicationModelConvention("/Account",
                model => model.Filters.Add(new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None }));
        });
        services.Configure<MvcOptions>(options =>
        {
            options.ModelMetadataDetailsProviders.Add(new EmptyStringsStayEmpty());
            // Only explicit [Required] attributes, each with a message written for people.
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = cookiePrefix + "docket-af";
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.HeaderName = "X-CSRF-TOKEN";
        });

        // TempData (the status message after a post) rides in a cookie: the same prefix and flags as the others.
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = cookiePrefix + "docket-td";
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.Cookie.IsEssential = true;
        });

        services.AddSingleton<ClientLimits>();
        services.AddSingleton<PostingLimits>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per account when signed in (the limiter runs after authentication), per address otherwise.
            options.AddPolicy(AccountPostsPolicy, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.Get(ClientKey.Of(context), client => context.RequestServices.GetRequiredService<ClientLimits>()
                        .For("account-posts:" + client, context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.AccountPostsPerMinute))
                    : RateLimitPartition.GetNoLimiter("reads"));
            options.OnRejected = (context, _) =>
            {
                // No body: the status-code page answers with the site's own "Slow down" page, which reads this header.
                PostingLimits.SetRetryAfter(context.HttpContext.Response, ClientLimits.WaitOf(context.Lease));
                return ValueTask.CompletedTask;
            };
        });

        services.AddPageCompression();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOutputCache(options =>
        {
            options.AddPolicy(AnonymousPagesPolicy.Name, new AnonymousPagesPolicy());
            // No page larger than 2 MB is kept; the pages kept count against the site cache's bound.
            options.MaximumBodySize = 2 * 1024 * 1024;
        });
        services.AddSingleton<Blog.Web.Pages.Comments.CommentListRenderer>();

        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var proxyNetworks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named in configuration are believed.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxyNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        return builder;
    }

    /// <summary>
    /// The database and what depends on its provider (its search engine, SQLite's connection settings): chosen here,
    /// at the edge, from Database:Provider; nothing else in the site asks which one it is.
    /// </summary>
    private static void AddDatabase(IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString(DatabaseSetup.ConnectionStringName);
        var countSql = configuration.GetValue<bool>("Diagnostics:SqlCommandHeader");
        void Common(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            options.AddInterceptors(sp.GetRequiredService<CacheEviction>());
            if (countSql)
            {
                options.AddInterceptors(new SqlCommandCounting());
            }
        }

        // Pooled: the options are built once and contexts are reset and reused, instead of a new options
        // object (and EF's lookup of its internal services for it) on every request.
        switch (DatabaseProviders.From(configuration))
        {
            case DatabaseProvider.Postgres:
                var postgres = DatabaseSetup.ResolvePostgresConnectionString(configured);
                services.AddDbContextPool<BlogDbContext, PostgresBlogDbContext>((sp, options) =>
                {
                    options.UseNpgsql(postgres);
                    Common(sp, options);
                });
                services.AddScoped<ISearchIndex, PostgresSearchIndex>();
                break;
            default:
                var sqlite = DatabaseSetup.ResolveConnectionString(configured, contentRoot);
                services.AddSingleton<SqlitePragmaInterceptor>();
                services.AddDbContextPool<BlogDbContext>((sp, options) =>
                {
                    options.UseSqlite(sqlite).AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>());
                    Common(sp, options);
                });
                services.AddScoped<ISearchIndex, SqliteSearchIndex>();
                break;
        }
    }

    private static void AddAccounts(IServiceCollection services, SecurityOptions security, string cookieName, CookieSecurePolicy cookieSecurity)
    {
        services.AddIdentity<BlogUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                // Length, not composition (NIST SP 800-63B); common passwords are refused by CommonPasswordValidator.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
            })
            .AddEntityFrameworkStores<BlogDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<BlogClaimsPrincipalFactory>();

        services.Configure<PasswordHasherOptions>(o => o.IterationCount = security.PasswordHashIterations);

        services.AddSingleton<DbTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DbTicketStore>((options, store) => options.SessionStore = store)
            .PostConfigure<SiteCache>((options, cache) =>
                options.TicketDataFormat = new KeptCookieFormat(options.TicketDataFormat, cache));
        services.ConfigureApplicationCookie(options =>
        {
            // __Host-: Secure, no Domain, Path=/ - the cookie cannot be set or shadowed by a sibling subdomain.
            options.Cookie.Name = cookieName;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromDays(security.SessionDays);
            // Denials are on record with the account's id and the path, never an email or an address.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Blog.Web.Security")
                    .LogWarning("Access denied to {Path} for account {UserId}", context.Request.Path.Value,
                        context.HttpContext.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            options.SlidingExpiration = true;
            // Identity's check of the security stamp, asked only when it is due: the stock handler builds the whole
            // user manager on every signed-in request just to find that the interval has not passed.
            options.Events.OnValidatePrincipal = context =>
            {
                var stamp = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
                var now = (stamp.TimeProvider ?? TimeProvider.System).GetUtcNow();
                return context.Properties.IssuedUtc is { } issued && now - issued <= stamp.ValidationInterval
                    ? Task.CompletedTask
                    : SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        // The stamp is checked by the site's clock, the one the cookie's issue time comes from.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            o.TimeProvider = clock;
        });

        services.AddScoped<UserSessions>();
        services.AddScoped<AccountService>();
        services.AddScoped<AdminBootstrap>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<AccountDirectory>();
    }

    private static void AddOptions<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
