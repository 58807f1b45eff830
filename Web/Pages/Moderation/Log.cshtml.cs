using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Moderation;

public sealed class LogModel(ModerationService moderation) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ModerationAction? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Comment { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Automatic { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<DecisionLine> Lines { get; private set; } = [];

    public long? Next { get; private set; }

    public IReadOnlyDictionary<Queue, int> Counts { get; private set; } = new Dictionary<Queue, int>();

    public string NextUrl => QueryString.Create(new Dictionary<string, string?>
    {
        ["action"] = Action?.ToString(), ["comment"] = Comment?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["user"] = UserId, ["automatic"] = Automatic ? "true" : null, ["before"] = Next?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent().Insert(0, "/moderation/log");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Lines, Next) = await moderation.LogAsync(new DecisionFilter(Action, Comment, UserId, Automatic, Before), cancellationToken);
        Counts = await moderation.CountsAsync(cancellationToken);
    }
}
