using AngleSharp.Dom;
using Blog.Web.Domain;
using Blog.Web.Services.Media;
using Ganss.Xss;
using Markdig;

namespace Blog.Web.Services;

/// <summary>
/// Markdown to safe HTML, once, when content is written. Markdig does not sanitise (it lets
/// <c>javascript:</c> links and generic attributes through), so every result passes an allowlist sanitiser.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>Bump when either pipeline changes, so stored HTML can be re-rendered.</summary>
    public const int PipelineVersion = 1;

    public const string CommentLinkRel = "nofollow ugc noopener noreferrer";

    // Only the extensions we need: UseAdvancedExtensions() would bring generic attributes ({onclick=...}).
    private readonly MarkdownPipeline commentPipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    private readonly MarkdownPipeline articlePipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough
            | Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Superscript
            | Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Subscript)
        .UsePipeTables()
        .UseFootnotes()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer commentSanitizer = CreateCommentSanitizer();
    private readonly HtmlSanitizer articleSanitizer = CreateArticleSanitizer();

    public const string TooDeeplyNested =
        "This text nests quotes, lists or emphasis too deeply to be shown. Use fewer levels and try again; your text is kept.";

    /// <summary>Renders a comment, or says false when its nesting is too deep to render safely.</summary>
    public bool TryRenderComment(string markdown, out string html) => TryRender(() => RenderComment(markdown), out html);

    /// <summary>Renders an article body or case summary, or says false when its nesting is too deep to render safely.</summary>
    public bool TryRenderArticle(string markdown, out string html) => TryRenderArticle(markdown, NoPictures, out html);

    /// <summary>As <see cref="TryRenderArticle(string, out string)"/>, drawing the media store's pictures it names.</summary>
    public bool TryRenderArticle(string markdown, IReadOnlyDictionary<string, ImageRef> pictures, out string html) =>
        TryRender(() => RenderArticle(markdown, pictures), out html);

    private static readonly IReadOnlyDictionary<string, ImageRef> NoPictures = new Dictionary<string, ImageRef>();

    private static bool TryRender(Func<string> render, out string html)
    {
        try
        {
            html = render();
            return true;
        }
        catch (ArgumentException)
        {
            html = "";
            return false;
        }
    }

    public string RenderComment(string markdown) =>
        commentSanitizer.Sanitize(Markdown.ToHtml(markdown, commentPipeline));

    public string RenderArticle(string markdown) => RenderArticle(markdown, NoPictures);

    /// <summary>
    /// An article body, with each image that is one of <paramref name="pictures"/> given its widths and size before
    /// the whole passes the sanitiser.
    /// </summary>
    public string RenderArticle(string markdown, IReadOnlyDictionary<string, ImageRef> pictures)
    {
        var html = Markdown.ToHtml(markdown, articlePipeline);
        if (pictures.Count > 0)
        {
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
            BodyPictures.Draw(document.Body!, pictures);
            html = document.Body!.InnerHtml;
        }

        return articleSanitizer.Sanitize(html);
    }

    /// <summary>The first <paramref name="paragraphs"/> paragraphs of text (a picture's is not one) of already-sanitised HTML, for a teaser.</summary>
    public static string Teaser(string sanitizedHtml, int paragraphs)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{sanitizedHtml}</body>");
        var kept = document.Body!.Children.Where(e => e.LocalName == "p" && e.QuerySelector("img") is null).Take(paragraphs).Select(e => e.OuterHtml);
        return string.Concat(kept);
    }

    /// <summary>Sanitises HTML from any source with the comment allowlist (used to prove idempotence).</summary>
    public string SanitizeComment(string html) => commentSanitizer.Sanitize(html);

    private static HtmlSanitizer CreateCommentSanitizer()
    {
        var sanitizer = Narrow(["p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a"],
            ["href"]);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", CommentLinkRel);
            }
        };
        return sanitizer;
    }

    private static HtmlSanitizer CreateArticleSanitizer()
    {
        var sanitizer = Narrow(
            ["p", "br", "em", "strong", "del", "sup", "sub", "code", "pre", "blockquote", "ul", "ol", "li", "a",
             "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "div", "img"],
            // Markdown (with HTML off) cannot write srcset, sizes, width, height, loading or decoding: only
            // BodyPictures does, from a picture's row.
            ["href", "src", "alt", "title", "id", "class", "type", "start", "style", "srcset", "sizes", "width", "height", "loading", "decoding"]);
        // Pipe-table column alignment is the only CSS an article may carry.
        sanitizer.AllowedCssProperties.Add("text-align");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link
                && link.GetAttribute("href") is { } href
                && !href.StartsWith('#') && !href.StartsWith('/'))
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }

    private static HtmlSanitizer Narrow(IEnumerable<string> tags, IEnumerable<string> attributes)
    {
        // new HtmlSanitizer() keeps the default URI-attribute list (href, src...), so schemes are checked;
        // everything else is cleared and narrowed to what the content needs.
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true, AllowDataAttributes = false };
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedClasses.Clear();
        foreach (var tag in tags)
        {
            sanitizer.AllowedTags.Add(tag);
        }

        foreach (var attribute in attributes)
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
