using Blog.Web.Domain;
using Blog.Web.Services.Comments;

namespace Blog.Web.Pages.Comments;

/// <summary>The discussion section of an article page, and the state of its comment box.</summary>
public sealed record DiscussionModel(DiscussionView View, CommentFormModel Form)
{
    public CommentContext Context => new(View.Viewer, View.Permission.Allowed, View.MayRecommend, View.EditWindow, View.Now, View.Time);

    public string PageUrl(int page, CommentSort sort) =>
        $"/articles/{View.ArticleSlug}{Query(page, sort)}#comments";

    public string FragmentUrl(int page, CommentSort sort) =>
        $"/articles/{View.ArticleSlug}/comments{Query(page, sort)}";

    private static string Query(int page, CommentSort sort)
    {
        var parts = new List<string>();
        if (sort != CommentSort.Oldest)
        {
            parts.Add($"sort={sort.ToString().ToLowerInvariant()}");
        }

        if (page > 1)
        {
            parts.Add($"page={page}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
