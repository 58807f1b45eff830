using System.ComponentModel.DataAnnotations;
using Blog.Web.Domain;
using Blog.Web.Services.Newsroom;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Blog.Web.Pages.Editor.Cases;

/// <summary>Create or edit a case record: /editor/cases/new and /editor/cases/{id}/edit.</summary>
public sealed class EditModel(CaseEditor editor) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public int? Id { get; private set; }

    public IReadOnlyList<SelectListItem> OtherCases { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Name the case, e.g. \"Republic of Kazakhstan v Mega Ltd\".")]
        [StringLength(300, ErrorMessage = "{0} can be at most {1:N0} characters.")]
        [Display(Name = "Case name")]
        public string Name { get; set; } = "";

        [StringLength(80, ErrorMessage = "{0} can be at most {1:N0} characters.")]
        [RegularExpression("^[a-zA-Z0-9 -]*$", ErrorMessage = "Use letters, digits and hyphens in the address.")]
        [Display(Name = "Address (slug)")]
        public string? Slug { get; set; }

        [StringLength(1000, ErrorMessage = "{0} can be at most {1:N0} characters.")]
        [Display(Name = "Citations (one per line)")]
        public string Citations { get; set; } = "";

        [StringLength(200, ErrorMessage = "{0} can be at most {1:N0} characters.")]
        public string Court { get; set; } = "";

        [StringLength(100, ErrorMessage = "{0} can be at most {1:N0} characters.")]
        public string Jurisdiction { get; set; } = "";

        [StringLength(100, ErrorMessage = "{0} can be at most {1:N0} characters.")]
        [Display(Name = "File number")]
        public string FileNumber { get; set; } = "";

        [StringLength(500, ErrorMessage = "{0} can be at most {1:N0} characters.")]
        public string Judges { get; set; } = "";

        [Display(Name = "Proceedings")]
        public ProceedingsStatus Status { get; set; }

        [StringLength(20_000, ErrorMessage = "{0} can be at most {1:N0} characters.")]
        [Display(Name = "Summary (Markdown)")]
        public string Summary { get; set; } = "";

        [Display(Name = "Related proceedings")]
        public List<int> RelatedCaseIds { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            var input = await editor.LoadAsync(existing, cancellationToken);
            if (input is null)
            {
                return NotFound();
            }

            Id = existing;
            Input = new InputModel
            {
                Name = input.Name, Slug = input.Slug, Citations = input.Citations, Court = input.Court,
                Jurisdiction = input.Jurisdiction, FileNumber = input.FileNumber, Judges = input.Judges,
                Status = input.Status, Summary = input.Summary, RelatedCaseIds = [.. input.RelatedCaseIds],
            };
        }

        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        var outcome = await editor.SaveAsync(id, new CaseInput(Input.Name, Input.Slug, Input.Citations, Input.Court,
            Input.Jurisdiction, Input.FileNumber, Input.Judges, Input.Status, Input.Summary, Input.RelatedCaseIds), cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        StatusMessage = "The case record is saved.";
        return LocalRedirect($"/editor/cases/{outcome.Id}/edit");
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken) =>
        OtherCases = (await editor.OptionsAsync(cancellationToken)).Where(c => c.Id != Id)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Input.RelatedCaseIds.Contains(c.Id)))
            .ToList();
}
