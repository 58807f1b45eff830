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
