namespace Blog.Web.Domain;

/// <summary>One comment as a reader may see it. Hidden comments arrive with no body and no author.</summary>
public sealed record CommentRow(
    long Id,
    long? ParentId,
    int Depth,
    string Path,
    CommentStatus Status,
    string? AuthorName,
    string? BodyHtml,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    int RecommendCount);

public sealed class CommentNode(CommentRow row, string? placeholder)
{
    public CommentRow Row { get; } = row;

    /// <summary>"[deleted]" or "[removed by moderators]" when the comment is hidden but keeps replies in place.</summary>
    public string? Placeholder { get; } = placeholder;

    public List<CommentNode> Replies { get; } = [];

    public int DescendantCount => Replies.Sum(r => 1 + r.DescendantCount);
}

public static class CommentThread
{
    public static string PlaceholderFor(CommentStatus status) => status switch
    {
        CommentStatus.Withdrawn => "[deleted]",
        _ => "[removed by moderators]",
    };

    /// <summary>
    /// Builds the reader's tree from rows ordered by path. Hidden comments are dropped, unless a visible reply
    /// hangs below them: then they stay as a placeholder so the thread keeps its shape.
    /// </summary>
    public static IReadOnlyList<CommentNode> Build(IEnumerable<CommentRow> rowsInPathOrder)
    {
        var rows = rowsInPathOrder.ToList();
        var keep = new HashSet<long>();
        var byId = rows.ToDictionary(r => r.Id);
        foreach (var row in rows.Where(r => r.Status.IsVisible()))
        {
            // A visible comment keeps itself and its whole parent chain.
            for (var current = row; current is not null && keep.Add(current.Id);
                 current = current.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent : null)
            {
            }
        }

        var roots = new List<CommentNode>();
        var nodes = new Dictionary<long, CommentNode>();
        foreach (var row in rows.Where(r => keep.Contains(r.Id)))
        {
            var node = row.Status.IsVisible()
                ? new CommentNode(row, null)
                : new CommentNode(row with { AuthorName = null, BodyHtml = null }, PlaceholderFor(row.Status));
            nodes[row.Id] = node;
            if (row.ParentId is { } parentId && nodes.TryGetValue(parentId, out var parentNode))
            {
                parentNode.Replies.Add(node);
            }
            else
            {
                roots.Add(node);
            }
        }

        return roots;
    }
}
