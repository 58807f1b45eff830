using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Blog.Web.Data;

/// <summary>The site's data on PostgreSQL: the same model, its own migrations (Data/Migrations/Postgres).</summary>
public sealed class PostgresBlogDbContext(DbContextOptions<PostgresBlogDbContext> options) : BlogDbContext(options);

/// <summary>
/// For `dotnet ef migrations add ... --context PostgresBlogDbContext`: generating a migration needs the model, not a
/// server, so the connection string here is never opened.
/// </summary>
public sealed class PostgresBlogDbContextFactory : IDesignTimeDbContextFactory<PostgresBlogDbContext>
{
    public PostgresBlogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBlogDbContext>().UseNpgsql("Host=127.0.0.1;Database=docket_design").Options);
}

/// <summary>
/// For `dotnet ef migrations add ... --context BlogDbContext`: without a factory of its own, the tools would build
/// the SQLite context from the PostgreSQL factory above (its context is a BlogDbContext too).
/// </summary>
public sealed class SqliteBlogDbContextFactory : IDesignTimeDbContextFactory<BlogDbContext>
{
    public BlogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite("Data Source=:memory:").Options);
}
