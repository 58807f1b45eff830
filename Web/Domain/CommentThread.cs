namespace Blog.Web.Domain;

/// <summary>
/// One comment as a given reader may see it. <see cref="IsShown"/> is decided by whoever loads the rows: visible
/// statuses for everyone, plus a reader's own comments held for review. Hidden rows come without body or author.
/// </summary>
public sealed record CommentRow(
    long Id,
    long? ParentId,
    int Depth,
    string Path,
    CommentStatus Status,
    bool IsShown,
    string? AuthorName,
    string? BodyHtml,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    int RecommendCount,
    bool AuthorIsStaff = false,
    bool AuthorIsSubscriber = false,
    bool IsOwn = false,
    bool RecommendedByViewer = false,
    bool IsFeatured = false,
    string? ModerationReason = null,
    string? ModeratorNote = null,
    string? AuthorId = null);

public sealed class CommentNode(CommentRow row, string? placeholder)
{
    public CommentRow Row { get; } = row;

    /// <summary>"[deleted]" or "[removed by moderators]" when the comment is hidden but keeps replies in place.</summary>
    public string? Placeholder { get; } = placeholder;

    public List<CommentNode> Replies { get; } = [];

    /// <summary>Set on replies shown flat below the deepest indented level: who they answer.</summary>
    public CommentNode? FlattenedUnder { get; set; }

    public CommentNode? Parent { get; set; }

    public int DescendantCount => Replies.Sum(r => 1 + r.DescendantCount);

    public IEnumerable<CommentNode> Descendants() => Replies.SelectMany(r => r.Descendants().Prepend(r));
}

public enum CommentSort
{
    Oldest = 0,
    Newest = 1,
    Recommended = 2,
}

public static class CommentThread
{
    /// <summary>Replies are indented up to this many levels; deeper ones are listed flat under the last level.</summary>
    public const int MaxIndentLevels = 6;

    public const int TopLevelPageSize = 50;

    public static string PlaceholderFor(CommentStatus status) => status switch
    {
        CommentStatus.Withdrawn => "[deleted]",
        _ => "[removed by moderators]",
    };

    /// <summary>
    /// Orders top-level comments; replies always stay in time order under their parent. Editor's picks come first in
    /// every order.
    /// </summary>
    public static IQueryable<Comment> OrderTopLevel(IQueryable<Comment> topLevel, CommentSort sort)
    {
        var featuredFirst = topLevel.OrderByDescending(c => c.IsFeatured);
        return sort switch
        {
            CommentSort.Newest => featuredFirst.ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
            CommentSort.Recommended => featuredFirst.ThenByDescending(c => c.RecommendCount).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id),
            _ => featuredFirst.ThenBy(c => c.CreatedAt).ThenBy(c => c.Id),
        };
    }

    /// <summary>
    /// The top-level comments that <see cref="OrderTopLevel"/> puts before a given one in the default (oldest first)
    /// order, as a query filter: counting them finds the page a permalink lands on. Kept beside the order it mirrors.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Comment, bool>> BeforeInDefaultOrder(bool featured, DateTimeOffset createdAt, long id) =>
        c => (c.IsFeatured && !featured)
            || (c.IsFeatured == featured && (c.CreatedAt < createdAt || (c.CreatedAt == createdAt && c.Id < id)));

    public static int PageCount(int topLevelCount) => Math.Max(1, (topLevelCount + TopLevelPageSize - 1) / TopLevelPageSize);

    /// <summary>
    /// Builds the reader's tree from rows ordered by path. Roots come in <paramref name="rootOrder"/> when given.
    /// Hidden comments are dropped unless a shown reply hangs below them: then they stay as a placeholder so the
    /// thread keeps its shape. Below <see cref="MaxIndentLevels"/> replies are listed flat, in time order.
    /// </summary>
    public static IReadOnlyList<CommentNode> Build(IEnumerable<CommentRow> rowsInPathOrder, IReadOnlyList<long>? rootOrder = null)
    {
        var rows = rowsInPathOrder.ToList();
        var keep = new HashSet<long>();
        var byId = rows.ToDictionary(r => r.Id);
        foreach (var row in rows.Where(r => r.IsShown))
        {
            // A shown comment keeps itself and its whole parent chain.
            for (var current = row; current is not null && keep.Add(current.Id);
                 current = current.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent : null)
            {
            }
        }

        var roots = new List<CommentNode>();
        var nodes = new Dictionary<long, CommentNode>();
        foreach (var row in rows.Where(r => keep.Contains(r.Id)))
        {
            var node = row.IsShown
                ? new CommentNode(row, null)
                : new CommentNode(row with { AuthorName = null, BodyHtml = null, RecommendCount = 0 }, PlaceholderFor(row.Status));
            nodes[row.Id] = node;
            if (row.ParentId is { } parentId && nodes.TryGetValue(parentId, out var parentNode))
            {
                node.Parent = parentNode;
                parentNode.Replies.Add(node);
            }
            else
            {
                roots.Add(node);
            }
        }

        foreach (var root in roots)
        {
            FlattenBelow(root, level: 1);
        }

        if (rootOrder is not null)
        {
            var position = rootOrder.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            roots = roots.OrderBy(r => position.GetValueOrDefault(r.Row.Id, int.MaxValue)).ToList();
        }

        return roots;
    }

    private static void FlattenBelow(CommentNode node, int level)
    {
        if (level < MaxIndentLevels)
        {
            foreach (var reply in node.Replies)
            {
                FlattenBelow(reply, level + 1);
            }

            return;
        }

        // The deepest indented level: everything below it becomes one time-ordered list of direct replies,
        // each saying whom it answers.
        var below = node.Descendants().OrderBy(d => d.Row.CreatedAt).ThenBy(d => d.Row.Id).ToList();
        foreach (var descendant in below)
        {
            if (descendant.Parent != node)
            {
                descendant.FlattenedUnder = descendant.Parent;
            }

            descendant.Replies.Clear();
        }

        node.Replies.Clear();
        node.Replies.AddRange(below);
    }
}
