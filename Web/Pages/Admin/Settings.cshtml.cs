using System.Security.Claims;
using Blog.Web.Domain;
using Blog.Web.Services.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Admin;

/// <summary>The site's settings as the admin typed them: kept as typed when they are refused.</summary>
public sealed class SettingsForm
{
    public string? Name { get; set; }

    public string? Tagline { get; set; }

    public string? ContactEmail { get; set; }

    public string? ComplaintsEmail { get; set; }

    public string? TimeZone { get; set; }

    public WhoMayComment WhoMayComment { get; set; }

    public bool SitePreModerated { get; set; }

    public int FirstCommentsHeld { get; set; }

    public int ReportThreshold { get; set; }

    public int MaxLinks { get; set; }

    public int AutoCloseDays { get; set; }

    public int EditWindowMinutes { get; set; }

    public string? Reason { get; set; }

    public static SettingsForm From(SiteSettings s) => new()
    {
        Name = s.Name, Tagline = s.Tagline, ContactEmail = s.ContactEmail, ComplaintsEmail = s.ComplaintsEmail, TimeZone = s.TimeZone,
        WhoMayComment = s.WhoMayComment, SitePreModerated = s.SitePreModerated, FirstCommentsHeld = s.FirstCommentsHeld,
        ReportThreshold = s.ReportThreshold, MaxLinks = s.MaxLinks, AutoCloseDays = s.AutoCloseDays, EditWindowMinutes = s.EditWindowMinutes,
    };

    public SiteSettings ToSettings() => new()
    {
        Name = Name ?? "", Tagline = Tagline ?? "", ContactEmail = ContactEmail ?? "", ComplaintsEmail = ComplaintsEmail ?? "",
        TimeZone = TimeZone ?? "", WhoMayComment = WhoMayComment, SitePreModerated = SitePreModerated, FirstCommentsHeld = FirstCommentsHeld,
        ReportThreshold = ReportThreshold, MaxLinks = MaxLinks, AutoCloseDays = AutoCloseDays, EditWindowMinutes = EditWindowMinutes,
    };
}

/// <summary>/admin/settings: what the site is called, where to write, its time zone, who may comment, the moderation defaults.</summary>
public sealed class SettingsModel(SiteSettingsStore settings, TimeProvider clock) : PageModel
{
    public const int RecordShown = 50;

    [TempData]
    public string? StatusMessage { get; set; }

    public SettingsForm Form { get; private set; } = new();

    public string? Error { get; private set; }

    public SiteSettings Current { get; private set; } = null!;

    public IReadOnlyList<SettingChangeRow> Record { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Form = SettingsForm.From(Current);
    }

    public async Task<IActionResult> OnPostAsync([FromForm] SettingsForm form, CancellationToken cancellationToken)
    {
        var outcome = ModelState.IsValid
            ? await settings.UpdateAsync(form.ToSettings(), User.FindFirstValue(ClaimTypes.NameIdentifier)!, form.Reason ?? "", cancellationToken)
            : new SettingsOutcome(false, "The moderation numbers are whole numbers.");
        if (!outcome.Succeeded)
        {
            Error = outcome.Message;
            Form = form;
            await LoadAsync(cancellationToken);
            return Page();
        }

        StatusMessage = outcome.Message;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Current = await settings.CurrentAsync(cancellationToken);
        Record = await settings.RecordAsync(RecordShown, cancellationToken);
    }
}
