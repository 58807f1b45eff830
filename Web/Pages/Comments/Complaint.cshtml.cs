using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Blog.Web.Domain.Legal;
using Blog.Web.Infrastructure.Limits;
using Blog.Web.Services;
using Blog.Web.Services.Comments;
using Blog.Web.Services.Legal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Comments;

/// <summary>/comments/{id}/complaint: anyone, signed in or not, makes a statutory complaint about a comment.</summary>
public sealed class ComplaintModel(ComplaintService complaints, CommentService comments, ReaderAccess access, PostingLimits limits) : PageModel
{
    public sealed class ComplaintInput
    {
        [Display(Name = "The law you complain under")]
        public string Regime { get; set; } = "";

        [Display(Name = "What the comment is")]
        public ComplaintGround Ground { get; set; } = ComplaintGround.Defamation;

        [Display(Name = "Your name")]
        public string Name { get; set; } = "";

        [Display(Name = "Your email address")]
        public string Email { get; set; } = "";

        [Display(Name = "Your phone number")]
        public string Phone { get; set; } = "";

        [Display(Name = "Your postal address")]
        public string Address { get; set; } = "";

        [Display(Name = "Which part of the comment is unlawful or harmful")]
        public string WhatIsWrong { get; set; } = "";

        [Display(Name = "Why it is unlawful or harmful")]
        public string Why { get; set; } = "";

        [Display(Name = "The author may see who complained (your name and email)")]
        public bool ShareIdentity { get; set; }

        [Display(Name = "I make this complaint in good faith, and what it says is true to the best of my knowledge.")]
        public bool Declared { get; set; }
    }

    [BindProperty]
    public ComplaintInput Input { get; set; } = new();

    public ComplaintTarget Target { get; private set; } = null!;

    /// <summary>The comment's text, when this reader may read it (a subscriber-only discussion is not shown to others).</summary>
    public string? BodyHtml { get; private set; }

    public IReadOnlyList<ComplaintRegime> Regimes => complaints.Regimes;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.Regime = Regimes[0].Key;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await this.TooFastAsync(limits, PostingAction.Report) is { } tooFast)
        {
            ModelState.AddModelError("", tooFast);
            return Page();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var result = await complaints.FileAsync(id, new ComplaintForm(Input.Regime, Input.Ground, Input.Name, Input.Email, Input.Phone, Input.Address,
            Input.WhatIsWrong, Input.Why, Input.ShareIdentity, Input.Declared), userId, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : "Input." + FieldOf(field), message);
            }

            return Page();
        }

        return LocalRedirect($"/complaints/received/{result.Reference}");
    }

    private static string FieldOf(string formField) => formField switch
    {
        nameof(ComplaintForm.RegimeKey) => nameof(ComplaintInput.Regime),
        nameof(ComplaintForm.IdentityMayBeShared) => nameof(ComplaintInput.ShareIdentity),
        _ => formField,
    };

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await complaints.TargetAsync(id, cancellationToken) is not { } target)
        {
            return false;
        }

        Target = target;
        var viewer = await access.StandingAsync(User, cancellationToken);
        BodyHtml = (await comments.PermalinkAsync(id, viewer, cancellationToken))?.Target?.Row.BodyHtml;
        return true;
    }
}
