using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Blog.Web.Domain;
using Blog.Web.Services.Comments;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Blog.Web.Pages.Comments;

/// <summary>
/// HTML of threads up to a place that differs per reader: a comment's tools (recommend, reply, edit, report...) or
/// the discussion's ad. The text is the same for every reader; the place is filled for each one.
/// </summary>
public sealed record CommentSegment(string Html, CommentRow? Tools = null, bool Ad = false);

/// <summary>Threads to draw as HTML with marked places (<see cref="CommentListRenderer"/>).</summary>
public sealed record CommentThreadsModel(IReadOnlyList<CommentNode> Threads, CommentContext Context, string Marker);

/// <summary>
/// Drawn threads and the reader to fill them for. <see cref="Footers"/> holds, per segment, the tools of a comment
/// that is not the reader's own, as readers of this kind see them: not recommended, and recommended. The ad goes
/// where the drawing marks it only when <see cref="Ads"/> (a whole discussion page, not a fragment or a thread).
/// </summary>
public sealed record CommentListModel(IReadOnlyList<CommentSegment> Segments, CommentContext Context, IReadOnlySet<long> Recommended, ToolFooters Footers, bool Ads)
{
    public bool IsOwn(CommentRow row) => row.IsOwn || (Context.Viewer.UserId is { } viewer && row.AuthorId == viewer);

    /// <summary>The tools under a comment for this reader.</summary>
    public string ToolsFor(int segment, CommentRow row)
    {
        if (IsOwn(row))
        {
            var own = row with { IsOwn = true };
            return CommentTools.Html(own, ToolsClass.Of(Context), own: true, recommended: false, canEdit: Context.CanEdit(own));
        }

        return row.RecommendedByViewer || Recommended.Contains(row.Id) ? Footers.Recommended[segment]! : Footers.Plain[segment]!;
    }
}

/// <summary>Per segment, the tools of a comment that is not the reader's own: not recommended, and recommended.</summary>
public sealed record ToolFooters(string?[] Plain, string?[] Recommended)
{
    public static ToolFooters For(IReadOnlyList<CommentSegment> segments, ToolsClass readers)
    {
        var plain = new string?[segments.Count];
        var recommended = new string?[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Tools is { } row)
            {
                plain[i] = CommentTools.Html(row, readers, own: false, recommended: false, canEdit: false);
                recommended[i] = CommentTools.Html(row, readers, own: false, recommended: true, canEdit: false);
            }
        }

        return new ToolFooters(plain, recommended);
    }
}

/// <summary>What decides the tools a reader sees under other people's comments.</summary>
public sealed record ToolsClass(bool MayRecommend, bool MayReply, bool SignedIn, bool IsStaff)
{
    public static ToolsClass Of(CommentContext context) => new(context.MayRecommend, context.MayReply, context.Viewer.SignedIn, context.Viewer.IsStaff);
}

/// <summary>
/// The tools under a comment: recommend (a button of the page's one recommend form), reply, edit, delete, report,
/// moderate. Only numbers and fixed words go into it, nothing a user wrote.
/// </summary>
public static class CommentTools
{
    public static string Html(CommentRow row, ToolsClass reader, bool own, bool recommended, bool canEdit)
    {
        var id = row.Id.ToString(CultureInfo.InvariantCulture);
        var count = row.RecommendCount.ToString(CultureInfo.InvariantCulture);
        var visible = row.Status.IsVisible();
        var tools = new List<string>();
        if (reader.MayRecommend && !own && visible)
        {
            tools.Add($"<button type=\"submit\" form=\"recommend-form\" formaction=\"/comments/{id}/recommend\" class=\"link-button recommend\" aria-pressed=\"{(recommended ? "true" : "false")}\">{(recommended ? "Recommended" : "Recommend")}<span class=\"count\"> ({count})</span></button>");
        }
        else if (row.RecommendCount > 0)
        {
            tools.Add($"<span class=\"recommend-count\">{count} {(row.RecommendCount == 1 ? "recommendation" : "recommendations")}</span>");
        }

        if (reader.MayReply && visible)
        {
            tools.Add($"<a class=\"reply-link\" href=\"/comments/{id}/reply\" data-comment-id=\"{id}\">Reply</a>");
        }

        if (own && canEdit)
        {
            tools.Add($"<a href=\"/comments/{id}/edit\">Edit</a>");
        }

        if (own)
        {
            tools.Add($"<a href=\"/comments/{id}/delete\">Delete</a>");
        }
        else if (reader.SignedIn && visible)
        {
            tools.Add($"<a href=\"/comments/{id}/report\">Report</a>");
        }

        if (!own && visible)
        {
            tools.Add($"<a href=\"/comments/{id}/complaint\">Complain about this comment</a>");
        }

        if (reader.IsStaff)
        {
            tools.Add($"<a href=\"/moderation/comments/{id}\">Moderate</a>");
        }

        // Nothing to do with the comment (an anonymous reader, no recommendations yet): no empty footer either.
        return tools.Count == 0 ? "" : $"<footer class=\"comment-tools\">\n{string.Join("\n", tools)}\n</footer>\n";
    }
}

/// <summary>
/// Draws threads in two steps: the threads themselves (the same for every reader), with a marked place where each
/// comment's tools go; then, per request, the marked places for this reader. Threads everyone sees alike are drawn
/// once and kept in their <see cref="SharedDrawing"/>, beside the data they came from in the site cache (evicted with
/// it), so a signed-in reader's 300-comment page costs a fill, not a render. The markers carry a random nonce per
/// drawing, so no text in a comment can pass for one.
/// </summary>
public sealed partial class CommentListRenderer
{
    /// <summary>Threads drawn once, with the tools for each class of reader (never a reader) made as they come.</summary>
    private sealed class ThreadDrawing(IReadOnlyList<CommentSegment> segments)
    {
        public IReadOnlyList<CommentSegment> Segments { get; } = segments;

        public ConcurrentDictionary<ToolsClass, ToolFooters> Footers { get; } = new();
    }

    public async Task<CommentListModel> ListAsync(IHtmlHelper html, IReadOnlyList<CommentNode> threads, CommentContext context,
        IReadOnlySet<long>? recommended = null, SharedDrawing? drawn = null, bool ads = false)
    {
        var readers = ToolsClass.Of(context);
        // Drawn with the context of whoever comes first: the shared part holds nothing of theirs (the tools, the
        // only personal part, are markers filled per reader).
        var drawing = drawn?.Get<ThreadDrawing>() ?? new ThreadDrawing(await DrawAsync(html, threads, context));
        if (drawn is not null)
        {
            drawing = drawn.Keep(drawing);
        }

        var footers = drawing.Footers.GetOrAdd(readers, r => ToolFooters.For(drawing.Segments, r));
        return new CommentListModel(drawing.Segments, context, recommended ?? new HashSet<long>(), footers, ads);
    }

    private static async Task<IReadOnlyList<CommentSegment>> DrawAsync(IHtmlHelper html, IReadOnlyList<CommentNode> threads, CommentContext context)
    {
        var marker = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var content = await html.PartialAsync("_CommentThreads", new CommentThreadsModel(threads, context, marker));
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        var rows = threads.SelectMany(t => t.Descendants().Prepend(t)).ToDictionary(n => n.Row.Id, n => n.Row);
        return Split(Unindent(writer.ToString()), marker, rows);
    }

    /// <summary>
    /// Drops the template's indentation before tags (a sixth of a long discussion's bytes). A line break stays, so no
    /// space between words goes; comment text is untouched, as its markup never starts a line with spaces and a
    /// literal "&lt;" in it is always encoded.
    /// </summary>
    public static string Unindent(string html) => Indentation().Replace(html, "\n<");

    [GeneratedRegex("\n[ \t]+<")]
    private static partial Regex Indentation();

    public static string ToolsMarker(string marker, long commentId) => $"<!--{marker}:{commentId.ToString(CultureInfo.InvariantCulture)}-->";

    public static string AdMarker(string marker) => $"<!--{marker}:ad-->";

    public static IReadOnlyList<CommentSegment> Split(string html, string marker, IReadOnlyDictionary<long, CommentRow> rows)
    {
        var open = $"<!--{marker}:";
        var segments = new List<CommentSegment>();
        var at = 0;
        while (true)
        {
            var start = html.IndexOf(open, at, StringComparison.Ordinal);
            if (start < 0)
            {
                segments.Add(new CommentSegment(html[at..]));
                return segments;
            }

            var end = html.IndexOf("-->", start, StringComparison.Ordinal);
            var what = html.AsSpan(start + open.Length, end - start - open.Length);
            segments.Add(what is "ad"
                ? new CommentSegment(html[at..start], Ad: true)
                : new CommentSegment(html[at..start], Tools: rows[long.Parse(what, CultureInfo.InvariantCulture)]));
            // The template's indentation after a marker (the marker ends its line, the tools end theirs).
            at = end + "-->".Length;
            while (at < html.Length && html[at] is ' ' or '\n')
            {
                at++;
            }
        }
    }
}

public static class RecommendFormHtml
{
    /// <summary>
    /// The one form every Recommend button on a page submits (each button names its comment in <c>formaction</c>),
    /// when the reader may recommend; nothing otherwise.
    /// </summary>
    public static IHtmlContent RecommendForm(this IHtmlHelper html, bool mayRecommend)
    {
        if (!mayRecommend)
        {
            return HtmlString.Empty;
        }

        var form = new HtmlContentBuilder(3);
        form.AppendHtml("<form id=\"recommend-form\" method=\"post\" hidden>");
        form.AppendHtml(html.AntiForgeryToken());
        form.AppendHtml("</form>");
        return form;
    }
}
