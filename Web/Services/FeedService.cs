using System.Xml.Linq;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Services.Settings;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services;

/// <summary>Atom feeds and the sitemap, built only from what <see cref="ArticleQueries.Published"/> lets through.</summary>
public sealed class FeedService(ArticleQueries articles, BlogDbContext db, SiteSettingsStore settings, TimeProvider clock)
{
    public const int FeedSize = 20;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public async Task<XDocument> SiteFeedAsync(string baseUrl, CancellationToken cancellationToken) =>
        await FeedAsync(baseUrl, articles.Published(), (await settings.CurrentAsync(cancellationToken)).Name, $"{baseUrl}/feed", baseUrl + "/", cancellationToken);

    public async Task<XDocument?> CaseFeedAsync(string baseUrl, string caseSlug, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Slug == caseSlug).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null
            : await FeedAsync(baseUrl, articles.Published().Where(a => a.CaseId == found.Id), $"{found.Name} | {(await settings.CurrentAsync(cancellationToken)).Name}",
                $"{baseUrl}/cases/{caseSlug}/feed", $"{baseUrl}/cases/{caseSlug}", cancellationToken);
    }

    public async Task<XDocument> SitemapAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var published = articles.Published();
        var articleUrls = await published.OrderByDescending(a => a.PublishedAt)
            .Select(a => new { a.Slug, a.UpdatedAt }).ToListAsync(cancellationToken);
        var caseSlugs = await db.Cases.AsNoTracking().OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync(cancellationToken);
        var tagSlugs = await db.Tags.AsNoTracking().Where(t => published.Any(a => a.Tags.Contains(t))).OrderBy(t => t.Slug).Select(t => t.Slug).ToListAsync(cancellationToken);
        var authorSlugs = await db.Users.AsNoTracking().Where(u => u.AuthorSlug != null && published.Any(a => a.AuthorId == u.Id))
            .OrderBy(u => u.AuthorSlug).Select(u => u.AuthorSlug!).ToListAsync(cancellationToken);

        static XElement Url(string loc, DateTimeOffset? modified = null) =>
            new(Sitemap + "url", new XElement(Sitemap + "loc", loc),
                modified is { } m ? new XElement(Sitemap + "lastmod", TimeText.Iso(m)) : null);

        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemap + "urlset",
            Url(baseUrl + "/"),
            Url(baseUrl + "/cases"),
            articleUrls.Select(a => Url($"{baseUrl}/articles/{a.Slug}", a.UpdatedAt)),
            caseSlugs.Select(c => Url($"{baseUrl}/cases/{c}")),
            tagSlugs.Select(t => Url($"{baseUrl}/tags/{t}")),
            authorSlugs.Select(a => Url($"{baseUrl}/authors/{a}"))));
    }

    private async Task<XDocument> FeedAsync(string baseUrl, IQueryable<Article> source, string title, string self, string alternate, CancellationToken cancellationToken)
    {
        var entries = await source.OrderByDescending(a => a.PublishedAt).Take(FeedSize)
            .Select(a => new
            {
                a.Slug, a.Title, a.Standfirst, a.BodyHtml, a.TeaserHtml, a.Visibility,
                PublishedAt = a.PublishedAt!.Value, a.UpdatedAt, Author = a.Author!.DisplayName,
            })
            .ToListAsync(cancellationToken);
        var updated = entries.Count == 0 ? clock.GetUtcNow() : entries.Max(e => e.UpdatedAt > e.PublishedAt ? e.UpdatedAt : e.PublishedAt);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Atom + "feed",
            new XElement(Atom + "title", title),
            new XElement(Atom + "subtitle", (await settings.CurrentAsync(cancellationToken)).Tagline),
            new XElement(Atom + "id", self),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", alternate)),
            new XElement(Atom + "updated", TimeText.Iso(updated)),
            entries.Select(e => new XElement(Atom + "entry",
                new XElement(Atom + "title", e.Title),
                new XElement(Atom + "id", $"{baseUrl}/articles/{e.Slug}"),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{baseUrl}/articles/{e.Slug}")),
                new XElement(Atom + "published", TimeText.Iso(e.PublishedAt)),
                new XElement(Atom + "updated", TimeText.Iso(e.UpdatedAt > e.PublishedAt ? e.UpdatedAt : e.PublishedAt)),
                new XElement(Atom + "author", new XElement(Atom + "name", e.Author)),
                new XElement(Atom + "summary", e.Standfirst),
                // Subscriber-only articles go out as their teaser, like the page shows to non-subscribers.
                new XElement(Atom + "content", new XAttribute("type", "html"),
                    e.Visibility == ArticleVisibility.Subscribers ? e.TeaserHtml : e.BodyHtml)))));
    }
}
