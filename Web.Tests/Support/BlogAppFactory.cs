using Blog.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Blog.Web.Tests.Support;

/// <summary>
/// The whole site over a real database (never EF InMemory), with a fake clock and mail written to a folder the test
/// can read. One factory, one database: a SQLite file in a temporary folder, or, when the suite runs on PostgreSQL
/// (<see cref="TestDatabase"/>), a database of its own on that server. Pass <c>sameDatabaseAs</c> for a second
/// instance of the site on the first one's database.
/// </summary>
public class BlogAppFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> settings;
    private readonly List<Action<IServiceCollection>> serviceOverrides = [];

    private readonly bool ownsDatabase;

    public BlogAppFactory(bool seedDemo = false, string environment = "Testing", IDictionary<string, string?>? extra = null,
        BlogAppFactory? sameDatabaseAs = null)
    {
        Environment = environment;
        Directory = Path.Combine(Path.GetTempPath(), "blog-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        ownsDatabase = sameDatabaseAs is null;
        ConnectionString = sameDatabaseAs?.ConnectionString
            ?? (TestDatabase.OnPostgres ? TestDatabase.Create() : $"Data Source={DatabasePath}");
        settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.OnPostgres ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Blog"] = ConnectionString,
            // Instances of one site share a Redis namespace; each test's site has its own on a shared server.
            ["Cache:KeyPrefix"] = sameDatabaseAs?.settings["Cache:KeyPrefix"] ?? $"test-{Guid.NewGuid():N}:",
            ["Site:BaseUrl"] = "https://localhost",
            // Static assets as a published site serves them (immutable, precompressed at build), not as the
            // development reload does (no-cache, compressed again per request).
            ["ReloadStaticAssetsAtRuntime"] = "false",
            ["Mail:PickupDirectory"] = MailDirectory,
            ["Media:Path"] = Path.Combine(Directory, "media"),
            ["DemoContent:Enabled"] = seedDemo ? "true" : "false",
            // Tests sign in hundreds of times; the production iteration count is asserted separately.
            ["Security:PasswordHashIterations"] = "1000",
            ["Security:AccountPostsPerMinute"] = "10000",
            ["Comments:PostsPerMinute"] = "10000",
            // Most tests are about something other than moderation: new authors publish at once and may post
            // quickly. The moderation tests switch these back to the site's defaults.
            ["Moderation:FirstCommentsHeld"] = "0",
            ["Moderation:FloodMaxComments"] = "1000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public string Environment { get; }

    public string Directory { get; }

    /// <summary>The SQLite file, when the suite runs on SQLite.</summary>
    public string DatabasePath => Path.Combine(Directory, "blog.db");

    public string ConnectionString { get; }

    public string MailDirectory => Path.Combine(Directory, "mail");

    public FakeTimeProvider Clock { get; } = new(Start);

    public Mailbox Mailbox => new(MailDirectory);

    /// <summary>Registers a change to the app's services; call before the first client is created.</summary>
    public BlogAppFactory WithServices(Action<IServiceCollection> configure)
    {
        serviceOverrides.Add(configure);
        return this;
    }

    public HttpClient CreateBrowserClient(bool followRedirects = false) =>
        CreateClient(new WebApplicationFactoryClientOptions
        {
            // https so Secure and __Host- cookies come back.
            BaseAddress = new Uri(settings["Site:BaseUrl"]!),
            AllowAutoRedirect = followRedirects,
            HandleCookies = true,
        });

    /// <summary>A reader with no cookies at all: what the output cache serves and keeps.</summary>
    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(settings["Site:BaseUrl"]!),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> action) =>
        WithScopeAsync(async sp => { await action(sp); return true; });

    public Task<T> WithDbAsync<T>(Func<BlogDbContext, Task<T>> query) =>
        WithScopeAsync(sp => query(sp.GetRequiredService<BlogDbContext>()));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // The site runs from its build output here, not a publish folder: the build's asset list (and its compressed
        // files under obj/) is what a publish would copy, so it is read as Development would read it.
        builder.UseStaticWebAssets();
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            foreach (var configure in serviceOverrides)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (ownsDatabase && TestDatabase.OnPostgres)
        {
            TestDatabase.Drop(ConnectionString);
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
