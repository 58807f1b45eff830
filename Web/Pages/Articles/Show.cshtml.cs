using System.Text.Json;
using Blog.Web.Domain;
using Blog.Web.Infrastructure;
using Blog.Web.Infrastructure.Caching;
using Blog.Web.Infrastructure.Limits;
using Blog.Web.Pages.Comments;
using Blog.Web.Services;
using Blog.Web.Services.Comments;
using Blog.Web.Services.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Articles;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Blog.Web.Infrastructure.Caching.AnonymousPagesPolicy.Name)]
public sealed class ShowModel(ArticleQueries articles, ReaderAccess access, CommentService comments, PostingLimits limits, SiteSettingsStore settings, SiteCache cache) : PageModel
{
    public ArticleView Article { get; private set; } = null!;

    [BindProperty]
    public CommentInput Input { get; set; } = new();

    /// <summary>Which button was pressed in the comment box: preview or post.</summary>
    [BindProperty]
    public string? Command { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public DiscussionModel? Discussion { get; private set; }

    /// <summary>False when the article is for subscribers and this reader is not one: they get the teaser.</summary>
    public bool FullText { get; private set; }

    public string CanonicalUrl { get; private set; } = "";

    public string JsonLd { get; private set; } = "";

    /// <summary>Subscribers, editors and admins: no ad markup is sent.</summary>
    public bool AdFree { get; private set; }

    public Task<IActionResult> OnGetAsync(string slug, string? sort, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken) =>
        ShowAsync(slug, sort, pageNumber, null, cancellationToken);

    /// <summary>A new top-level comment. Refused or previewed, the page comes back with the text still in the box.</summary>
    public async Task<IActionResult> OnPostCommentAsync(string slug, CancellationToken cancellationToken)
    {
        var formAction = Url.Page("/Articles/Show", "Comment", new { slug })!;
        var previewing = Command == "preview";
        if (await this.TooFastAsync(limits, previewing ? PostingAction.Preview : PostingAction.Comment) is { } tooFast)
        {
            ModelState.Clear();
            return await ShowAsync(slug, null, 1, new CommentFormModel(formAction, Input, "Post comment", Error: tooFast), cancellationToken);
        }

        var viewer = await access.StandingAsync(User, cancellationToken);
        if (previewing)
        {
            ModelState.Clear();
            var preview = await comments.PreviewAsync(Input.Body, viewer, cancellationToken);
            return await ShowAsync(slug, null, 1, new CommentFormModel(formAction, Input, "Post comment", Error: preview.Error, PreviewHtml: preview.Html), cancellationToken);
        }

        var outcome = await comments.SubmitAsync(slug, null, Input.Body, Input.IdempotencyKey, viewer, cancellationToken);
        if (!outcome.Succeeded)
        {
            this.AnswerBusy(outcome);
            if (outcome.Result == CommentResult.NotFound)
            {
                return NotFound();
            }

            return await ShowAsync(slug, null, 1, new CommentFormModel(formAction, Input, "Post comment", Error: outcome.Message), cancellationToken);
        }

        StatusMessage = outcome.Message;
        return LocalRedirect(await comments.LocationAsync(outcome.CommentId, viewer, cancellationToken));
    }

    private async Task<IActionResult> ShowAsync(string slug, string? sort, int pageNumber, CommentFormModel? form, CancellationToken cancellationToken)
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
        HttpContext.TagArticlePage(Article);
        var standing = await access.StandingAsync(User, cancellationToken);
        FullText = Paywall.ReadsFullText(Article.Visibility, standing.ReadsEverything);
        AdFree = Entitlements.AdFree(standing.IsStaff, standing.IsSubscriber);
        var baseUrl = BlogPipeline.BaseUrl(HttpContext);
        CanonicalUrl = $"{baseUrl}/articles/{Article.Slug}";
        // Made once per article as kept, not per request: its structured data, and its body around the in-article ad.
        var siteName = (await settings.CurrentAsync(cancellationToken)).Name;
        Parts = await cache.GetOrLoadAsync($"article-page:{Article.Id}", [CacheTags.Article(Article.Id)],
            _ => Task.FromResult(MakeParts(baseUrl, siteName)), cancellationToken, size: parts => 1024 + 2L * (parts.JsonLd.Length + Article.BodyHtml.Length));
        JsonLd = Parts.JsonLd;
        Related = await articles.RelatedAsync(Article, cancellationToken);
        if (Article.Case is not null || Article.Tags.Count > 0)
        {
            // Any article published or changed may join or leave the related list.
            HttpContext.TagPage(CacheTags.Lists);
        }
        if (FullText)
        {
            var order = Enum.TryParse<CommentSort>(sort, ignoreCase: true, out var parsed) ? parsed : CommentSort.Oldest;
            var view = await comments.DiscussionAsync(Article, standing, order, pageNumber, cancellationToken);
            AnonymousPagesPolicy.StoreOnlyRealPage(HttpContext, view.PageNumber, view.PageCount);
            Discussion = new DiscussionModel(view, form ?? new CommentFormModel(Url.Page("/Articles/Show", "Comment", new { slug = Article.Slug })!, new CommentInput(), "Post comment"));
        }

        return Page();
    }

    /// <summary>Other coverage: the same case first, then shared tags.</summary>
    public IReadOnlyList<ArticleSummary> Related { get; private set; } = [];

    /// <summary>An address on this site as other sites must be given it (Open Graph).</summary>
    public string AbsoluteUrl(string localPath) => BlogPipeline.BaseUrl(HttpContext) + localPath;

    /// <summary>What the page makes from the article alone.</summary>
    public sealed record ArticlePageParts(string JsonLd, string BodyBeforeAd, string BodyAfterAd);

    private ArticlePageParts Parts { get; set; } = null!;

    /// <summary>The article's body before and after the in-article ad.</summary>
    public (string Before, string After) BodyAroundAd() => (Parts.BodyBeforeAd, Parts.BodyAfterAd);

    private ArticlePageParts MakeParts(string baseUrl, string siteName)
    {
        var (before, after) = ArticleHtml.SplitAfterParagraphs(Article.BodyHtml, 3);
        return new ArticlePageParts(BuildJsonLd(baseUrl, siteName), before, after);
    }

    private string BuildJsonLd(string baseUrl, string siteName)
    {
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = Article.Title,
            ["description"] = Article.Standfirst,
            ["datePublished"] = TimeText.Iso(Article.PublishedAt),
            ["dateModified"] = TimeText.Iso(Article.UpdatedAt),
            ["mainEntityOfPage"] = CanonicalUrl,
            ["author"] = new Dictionary<string, object?>
            {
                ["@type"] = "Person",
                ["name"] = Article.AuthorName,
                ["url"] = Article.AuthorSlug is null ? null : $"{baseUrl}/authors/{Article.AuthorSlug}",
            },
            ["publisher"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = siteName },
            ["isAccessibleForFree"] = Article.Visibility == ArticleVisibility.Everyone,
            ["keywords"] = Article.Tags.Select(t => t.Name).ToList(),
        };
        // The default encoder escapes <, > and &, so the JSON cannot close its <script> element.
        if (Article.Image is { } image)
        {
            data["image"] = new[] { baseUrl + image.Largest };
        }

        return JsonSerializer.Serialize(data, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
    }
}

public static class ArticlePageTags
{
    /// <summary>An article's page (or its comments fragment): the article, its discussion, and its case box.</summary>
    public static void TagArticlePage(this HttpContext context, ArticleView article) =>
        context.TagPage([CacheTags.Article(article.Id), CacheTags.Discussion(article.Id), .. article.Case is { } box ? [CacheTags.Case(box.Id)] : Array.Empty<string>()]);
}
