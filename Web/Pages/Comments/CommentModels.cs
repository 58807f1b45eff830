using System.ComponentModel.DataAnnotations;
using Blog.Web.Configuration;
using Blog.Web.Domain;
using Blog.Web.Services;

namespace Blog.Web.Pages.Comments;

/// <summary>The comment box's fields: the text, and the hidden key that makes a double post store one comment.</summary>
public sealed class CommentInput
{
    [Required(ErrorMessage = "Write something before posting.")]
    [StringLength(CommentOptions.MaxLength, ErrorMessage = "A comment can be at most 5,000 characters.")]
    [Display(Name = "Your comment")]
    public string Body { get; set; } = "";

    public Guid IdempotencyKey { get; set; } = Guid.NewGuid();
}

/// <summary>Everything the comment box needs to draw itself, including a refusal and a preview.</summary>
public sealed record CommentFormModel(
    string Action,
    CommentInput Input,
    string SubmitLabel,
    string? Error = null,
    string? PreviewHtml = null,
    string IdPrefix = "comment",
    long? ReplyingTo = null);

public sealed record CommentContext(ReaderStanding Viewer, bool MayReply, bool MayRecommend, TimeSpan EditWindow, DateTimeOffset Now, SiteTime Time, long? Highlight = null)
{
    public bool CanEdit(CommentRow row) => row.IsOwn && Comment.IsEditable(row.Status, row.CreatedAt, Now, EditWindow);
}
