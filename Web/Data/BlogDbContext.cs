using Blog.Web.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Data;

public sealed class BlogDbContext(DbContextOptions<BlogDbContext> options) : IdentityDbContext<BlogUser>(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<ArticleSlugRedirect> ArticleSlugRedirects => Set<ArticleSlugRedirect>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<CommentRevision> CommentRevisions => Set<CommentRevision>();

    public DbSet<CommentRecommendation> CommentRecommendations => Set<CommentRecommendation>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BlogDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset columns; storing UTC ticks keeps ORDER BY and range
        // filters in SQL (the time zone is always UTC here).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
    }
}
