using System.Text.Json;
using Blog.Web.Configuration;
using Blog.Web.Domain;
using Blog.Web.Infrastructure;
using Blog.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Blog.Web.Pages.Articles;

public sealed class ShowModel(ArticleQueries articles, ReaderAccess access, IOptions<SiteOptions> site) : PageModel
{
    public ArticleView Article { get; private set; } = null!;

    /// <summary>False when the article is for subscribers and this reader is not one: they get the teaser.</summary>
    public bool FullText { get; private set; }

    public string CanonicalUrl { get; private set; } = "";

    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var lookup = await articles.BySlugAsync(slug, cancellationToken);
        if (lookup.MovedTo is not null)
        {
            return RedirectPermanent($"/articles/{lookup.MovedTo}");
        }

        if (lookup.Article is null)
        {
            return NotFound();
        }

        Article = lookup.Article;
        FullText = Article.Visibility == ArticleVisibility.Everyone || await access.ReadsSubscriberContentAsync(User, cancellationToken);
        var baseUrl = BlogPipeline.BaseUrl(HttpContext);
        CanonicalUrl = $"{baseUrl}/articles/{Article.Slug}";
        JsonLd = BuildJsonLd(baseUrl);
        return Page();
    }

    private string BuildJsonLd(string baseUrl)
    {
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = Article.Title,
            ["description"] = Article.Standfirst,
            ["datePublished"] = Article.PublishedAt.ToString("O"),
            ["dateModified"] = Article.UpdatedAt.ToString("O"),
            ["mainEntityOfPage"] = CanonicalUrl,
            ["author"] = new Dictionary<string, object?>
            {
                ["@type"] = "Person",
                ["name"] = Article.AuthorName,
                ["url"] = Article.AuthorSlug is null ? null : $"{baseUrl}/authors/{Article.AuthorSlug}",
            },
            ["publisher"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = site.Value.Name },
            ["isAccessibleForFree"] = Article.Visibility == ArticleVisibility.Everyone,
            ["keywords"] = Article.Tags.Select(t => t.Name).ToList(),
        };
        // The default encoder escapes <, > and &, so the JSON cannot close its <script> element.
        return JsonSerializer.Serialize(data, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
    }
}
