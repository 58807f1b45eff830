using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Blog.Web.Domain.Moderation;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Data;

/// <summary>
/// The site's data. On SQLite this type itself; on PostgreSQL <see cref="PostgresBlogDbContext"/>, the same model
/// with its own migrations (each provider's migrations are generated for its own context type).
/// </summary>
public class BlogDbContext : IdentityDbContext<BlogUser>, IDataProtectionKeyContext
{
    public BlogDbContext(DbContextOptions<BlogDbContext> options) : base(options)
    {
    }

    protected BlogDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>
    /// The keys that protect session and antiforgery cookies, in the database every instance shares: a cookie one
    /// instance issued is read by the others, and survives a redeploy to a fresh machine.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // What this context's saves have changed and not yet evicted (kept here until the transaction commits).
    private readonly HashSet<string> evictions = [];

    internal void NoteEvictions(IEnumerable<string> tags) => evictions.UnionWith(tags);

    internal IReadOnlyCollection<string> TakeEvictions()
    {
        if (evictions.Count == 0)
        {
            return [];
        }

        var taken = evictions.ToArray();
        evictions.Clear();
        return taken;
    }

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<ArticleSlugRedirect> ArticleSlugRedirects => Set<ArticleSlugRedirect>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<CommentRevision> CommentRevisions => Set<CommentRevision>();

    public DbSet<CommentRecommendation> CommentRecommendations => Set<CommentRecommendation>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<Ad> Ads => Set<Ad>();

    public DbSet<AdDailyCount> AdDailyCounts => Set<AdDailyCount>();

    public DbSet<GiftCode> GiftCodes => Set<GiftCode>();

    public DbSet<GiftCodeRedemption> GiftCodeRedemptions => Set<GiftCodeRedemption>();

    public DbSet<SubscriptionEvent> SubscriptionEvents => Set<SubscriptionEvent>();

    public DbSet<ProcessedStripeEvent> ProcessedStripeEvents => Set<ProcessedStripeEvent>();

    public DbSet<ModerationDecision> ModerationDecisions => Set<ModerationDecision>();

    public DbSet<CommentReport> CommentReports => Set<CommentReport>();

    public DbSet<UserSanction> UserSanctions => Set<UserSanction>();

    public DbSet<ModerationWord> ModerationWords => Set<ModerationWord>();

    public DbSet<SuppressionOrder> SuppressionOrders => Set<SuppressionOrder>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<AccountEvent> AccountEvents => Set<AccountEvent>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();

    public DbSet<MediaImage> MediaImages => Set<MediaImage>();

    public DbSet<SettingChange> SettingChanges => Set<SettingChange>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<ComplaintEvent> ComplaintEvents => Set<ComplaintEvent>();

    public DbSet<StatementOfReasons> StatementsOfReasons => Set<StatementOfReasons>();

    public DbSet<Appeal> Appeals => Set<Appeal>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BlogDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The moderation, account and settings records are append-only: a change or deletion of an entry is a bug, never a feature.</summary>
    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<ModerationDecision>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Moderation decisions are append-only: they are never updated or deleted.");
        }

        if (ChangeTracker.Entries<AccountEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Account events are append-only: they are never updated or deleted.");
        }

        if (ChangeTracker.Entries<SettingChange>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The record of setting changes is append-only: never updated or deleted.");
        }

        if (ChangeTracker.Entries<ComplaintEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("A complaint's events are append-only: never updated or deleted.");
        }

        if (ChangeTracker.Entries<StatementOfReasons>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Statements of reasons are never changed once issued: an appeal is recorded beside them.");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset columns; storing UTC ticks keeps ORDER BY and range
        // filters in SQL (the time zone is always UTC here).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
    }
}
