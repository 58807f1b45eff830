using Blog.Web.Domain.Moderation;
using Blog.Web.Infrastructure;
using Blog.Web.Services.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Moderation;

/// <summary>Banned and suspect words: admins only.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class WordsModel(ModerationService moderation) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<ModerationWord> Words { get; private set; } = [];

    public IReadOnlyDictionary<Queue, int> Counts { get; private set; } = new Dictionary<Queue, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Words = await moderation.WordsAsync(cancellationToken);
        Counts = await moderation.CountsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(WordListKind kind, string? word, CancellationToken cancellationToken)
    {
        StatusMessage = (await moderation.AddWordAsync(kind, word ?? "", cancellationToken)).Message;
        return LocalRedirect("/moderation/words");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int wordId, CancellationToken cancellationToken)
    {
        StatusMessage = (await moderation.RemoveWordAsync(wordId, cancellationToken)).Message;
        return LocalRedirect("/moderation/words");
    }
}
