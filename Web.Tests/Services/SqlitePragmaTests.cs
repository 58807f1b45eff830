using Blog.Web.Data;
using Blog.Web.Services;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Services;

public sealed class SqlitePragmaTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    [Fact]
    public async Task TheAppsConnections_UseWalFullSyncAndForeignKeys()
    {
        TestDatabase.SkipOnPostgres("SQLite's own durability settings.");
        _ = factory.Services;
        var pragmas = await factory.WithDbAsync(db => DatabaseSetup.ReadPragmasAsync(db, CancellationToken.None));

        Assert.Equal("wal", pragmas.JournalMode, ignoreCase: true);
        Assert.Equal(2, pragmas.Synchronous);
        Assert.True(pragmas.ForeignKeys);
    }

    [Fact]
    public async Task EveryNewConnection_GetsThePragmas_NotJustThePooledOnes()
    {
        TestDatabase.SkipOnPostgres("SQLite's own durability settings.");
        // Pooling off: each open is a brand-new SQLite connection, which starts with synchronous=NORMAL
        // (WAL default) and foreign keys off unless the interceptor sets them.
        var options = new DbContextOptionsBuilder<BlogDbContext>()
            .UseSqlite($"Data Source={factory.DatabasePath};Pooling=False")
            .AddInterceptors(new SqlitePragmaInterceptor())
            .Options;
        _ = factory.Services;

        for (var i = 0; i < 3; i++)
        {
            await using var db = new BlogDbContext(options);
            var pragmas = await DatabaseSetup.ReadPragmasAsync(db, CancellationToken.None);
            Assert.Equal(("wal", 2, true), (pragmas.JournalMode.ToLowerInvariant(), pragmas.Synchronous, pragmas.ForeignKeys));
        }
    }

    [Fact]
    public async Task AFreshDatabaseFile_IsSwitchedToWal_OnlyByTheInterceptor()
    {
        TestDatabase.SkipOnPostgres("SQLite's own durability settings.");
        // The control: SQLite's own default on a new file is a rollback journal, so this measures the interceptor.
        var folder = Directory.CreateTempSubdirectory("pragmas");
        try
        {
            DbContextOptions<BlogDbContext> Options(string file, bool intercept)
            {
                var builder = new DbContextOptionsBuilder<BlogDbContext>().UseSqlite($"Data Source={Path.Combine(folder.FullName, file)};Pooling=False");
                return (intercept ? builder.AddInterceptors(new SqlitePragmaInterceptor()) : builder).Options;
            }

            await using (var plain = new BlogDbContext(Options("plain.db", intercept: false)))
            {
                Assert.Equal("delete", (await DatabaseSetup.ReadPragmasAsync(plain, CancellationToken.None)).JournalMode, ignoreCase: true);
            }

            await using (var intercepted = new BlogDbContext(Options("intercepted.db", intercept: true)))
            {
                Assert.Equal("wal", (await DatabaseSetup.ReadPragmasAsync(intercepted, CancellationToken.None)).JournalMode, ignoreCase: true);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ForeignKeys_AreEnforced()
    {
        TestDatabase.SkipOnPostgres("SQLite's own durability settings.");
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        db.Subscriptions.Add(new Blog.Web.Domain.Subscription { UserId = "no-such-user", Plan = "Annual" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Migrations_AreAllApplied()
    {
        TestDatabase.SkipOnPostgres("SQLite's own durability settings.");
        _ = factory.Services;
        var pending = await factory.WithDbAsync(db => db.Database.GetPendingMigrationsAsync());
        Assert.Empty(pending);
    }
}
