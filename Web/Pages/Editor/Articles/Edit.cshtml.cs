using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Blog.Web.Domain;
using Blog.Web.Services;
using Blog.Web.Services.Media;
using Blog.Web.Services.Newsroom;
using Blog.Web.Services.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Blog.Web.Pages.Editor.Articles;

/// <summary>Write or edit an article: /editor/articles/new and /editor/articles/{id}/edit.</summary>
[RequestSizeLimit(UploadRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
public sealed class EditModel(ArticleEditor editor, CaseEditor cases, SiteSettingsStore settings, ImageUploads uploads) : PageModel
{
    /// <summary>A request may be larger than the largest picture taken, so a picture a little too large is told so.</summary>
    public const long UploadRequestLimit = 60L * 1024 * 1024;

    /// <summary>A new feature picture, uploaded with the form.</summary>
    [BindProperty]
    public IFormFile? FeatureImageFile { get; set; }

    /// <summary>The article's picture as the form holds it (kept across refusals, so an upload is never lost).</summary>
    public ImageRef? FeatureImage { get; private set; }

    /// <summary>A picture to add to the body, with what it shows.</summary>
    [BindProperty]
    public IFormFile? BodyImageFile { get; set; }

    [BindProperty]
    [Display(Name = "What this picture shows (alternative text)")]
    public string BodyImageAlt { get; set; } = "";

    /// <summary>Said after a picture was added to the body (the form is not saved by that).</summary>
    public string? Notice { get; private set; }

    public int MaxUploadMegabytes => (int)(uploads.MaxBytes / (1024 * 1024));

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Which button was pressed: preview, save, publish, schedule or unpublish.</summary>
    [BindProperty]
    public string Command { get; set; } = "save";

    [TempData]
    public string? StatusMessage { get; set; }

    public int? Id { get; private set; }

    public ArticleStatus Status { get; private set; } = ArticleStatus.Draft;

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? CurrentSlug { get; private set; }

    /// <summary>The zone the times are typed in.</summary>
    public SiteTime Time { get; private set; } = SiteTime.Utc;

    public string? PreviewHtml { get; private set; }

    public IReadOnlyList<SelectListItem> CaseOptions { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give the article a title.")]
        [StringLength(200, ErrorMessage = "A title is at most 200 characters.")]
        public string Title { get; set; } = "";

        [StringLength(80, ErrorMessage = "An address is at most 80 characters.")]
        [RegularExpression("^[a-zA-Z0-9 -]*$", ErrorMessage = "Use letters, digits and hyphens in the address.")]
        [Display(Name = "Address (slug)")]
        public string? Slug { get; set; }

        [Required(ErrorMessage = "Write a standfirst: one or two sentences under the headline.")]
        [StringLength(600, ErrorMessage = "A standfirst is at most 600 characters.")]
        public string Standfirst { get; set; } = "";

        [Required(ErrorMessage = "The article needs a body.")]
        [StringLength(100_000, ErrorMessage = "The body is at most 100,000 characters.")]
        [Display(Name = "Body (Markdown)")]
        public string Body { get; set; } = "";

        [StringLength(400)]
        [Display(Name = "Tags (comma-separated)")]
        public string Tags { get; set; } = "";

        [Display(Name = "Case")]
        public int? CaseId { get; set; }

        [Display(Name = "Who can read it")]
        public ArticleVisibility Visibility { get; set; }

        [Display(Name = "Comments")]
        public CommentMode CommentMode { get; set; }

        [Display(Name = "Close comments at")]
        public DateTime? CommentsCloseAt { get; set; }

        [StringLength(2000, ErrorMessage = "A corrections note is at most 2,000 characters.")]
        [Display(Name = "Corrections note")]
        public string CorrectionsNote { get; set; } = "";

        [Display(Name = "Publish at")]
        public DateTime? ScheduleAt { get; set; }

        public string? FeatureImageId { get; set; }

        [StringLength(MediaImage.AltMaxLength, ErrorMessage = "The picture's alternative text is at most 300 characters.")]
        [Display(Name = "What the picture shows (alternative text)")]
        public string FeatureImageAlt { get; set; } = "";

        [Display(Name = "Remove the picture")]
        public bool RemoveFeatureImage { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            var form = await editor.LoadAsync(existing, cancellationToken);
            if (form is null)
            {
                return NotFound();
            }

            Input = ToInput(form, await settings.TimeAsync(cancellationToken));
            Describe(form);
        }

        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } existing && await editor.LoadAsync(existing, cancellationToken) is { } current)
        {
            Describe(current);
        }
        else if (id is not null)
        {
            return NotFound();
        }

        // The picture first: once stored it stays with the form, whatever else is refused.
        await TakePictureAsync(cancellationToken);
        if (Command == "add-picture")
        {
            await AddBodyPictureAsync(cancellationToken);
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        if (Command == "preview")
        {
            ModelState.Clear();
            if (await editor.PreviewAsync(Input.Body, cancellationToken) is { } html)
            {
                PreviewHtml = html;
            }
            else
            {
                ModelState.AddModelError(string.Empty, MarkdownRenderer.TooDeeplyNested);
            }
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        var time = await settings.TimeAsync(cancellationToken);
        var closesAt = ModelState.Utc(time, Input.CommentsCloseAt, "Input.CommentsCloseAt");
        var scheduleAt = ModelState.Utc(time, Input.ScheduleAt, "Input.ScheduleAt");
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        var action = Command switch
        {
            "publish" => ArticleAction.Publish,
            "schedule" => ArticleAction.Schedule,
            "unpublish" => ArticleAction.Unpublish,
            _ => ArticleAction.Save,
        };
        var outcome = await editor.SaveAsync(id, ToArticleInput(Input, closesAt), action, scheduleAt,
            User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        StatusMessage = outcome.Message;
        return LocalRedirect($"/editor/articles/{outcome.Id}/edit");
    }

    private void Describe(ArticleForm form)
    {
        Id = form.Id;
        Status = form.Status;
        PublishedAt = form.PublishedAt;
        CurrentSlug = form.CurrentSlug;
    }

    private async Task TakePictureAsync(CancellationToken cancellationToken)
    {
        // The hidden field posts an empty value when there is no picture.
        Input.FeatureImageId = string.IsNullOrWhiteSpace(Input.FeatureImageId) ? null : Input.FeatureImageId.Trim();
        if (Input.RemoveFeatureImage)
        {
            (Input.FeatureImageId, Input.FeatureImageAlt) = (null, "");
        }

        if (FeatureImageFile is { Length: > 0 } file)
        {
            await using var stream = file.OpenReadStream();
            var upload = await uploads.AddAsync(stream, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
            if (upload.Image is { } image)
            {
                Input.FeatureImageId = image.Id;
            }
            else
            {
                ModelState.AddModelError(nameof(FeatureImageFile), upload.Error!);
            }
        }
    }

    /// <summary>
    /// Stores the picture and adds its Markdown at the end of the body, where the editor moves it to its place. Nothing
    /// else is checked or saved: the rest of the form is shown again as it was typed.
    /// </summary>
    private async Task AddBodyPictureAsync(CancellationToken cancellationToken)
    {
        // Cleared so the form shows the body with the picture added, not the body as it was posted.
        var featureError = ModelState[nameof(FeatureImageFile)]?.Errors.FirstOrDefault()?.ErrorMessage;
        ModelState.Clear();
        if (featureError is not null)
        {
            ModelState.AddModelError(nameof(FeatureImageFile), featureError);
        }

        var alt = BodyImageAlt.Trim();
        if (BodyImageFile is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(BodyImageFile), "Choose a picture to add to the body.");
            return;
        }

        if (alt.Length == 0 || alt.Length > MediaImage.AltMaxLength)
        {
            ModelState.AddModelError(nameof(BodyImageAlt), alt.Length == 0
                ? "Say what the picture shows before adding it: readers who cannot see it are read this. Choose the file again."
                : $"The picture's alternative text is at most {MediaImage.AltMaxLength} characters. Choose the file again.");
            return;
        }

        await using var stream = file.OpenReadStream();
        var upload = await uploads.AddAsync(stream, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (upload.Image is not { } image)
        {
            ModelState.AddModelError(nameof(BodyImageFile), upload.Error!);
            return;
        }

        Input.Body = $"{Input.Body.TrimEnd()}\n\n{BodyPictures.Markdown(image.Id, alt)}\n";
        BodyImageAlt = "";
        Notice = "The picture is added at the end of the body: move its line to where it belongs, then save.";
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        FeatureImage = Input.FeatureImageId is { } imageId ? await uploads.FindAsync(imageId, Input.FeatureImageAlt, cancellationToken) : null;
        CaseOptions = (await cases.OptionsAsync(cancellationToken)).Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Time = await settings.TimeAsync(cancellationToken);
    }


    private static InputModel ToInput(ArticleForm form, SiteTime time) => new()
    {
        Title = form.Input.Title,
        Slug = form.Input.Slug,
        Standfirst = form.Input.Standfirst,
        Body = form.Input.Body,
        Tags = form.Input.Tags,
        CaseId = form.Input.CaseId,
        Visibility = form.Input.Visibility,
        CommentMode = form.Input.CommentMode,
        CommentsCloseAt = time.Typed(form.Input.CommentsCloseAt),
        CorrectionsNote = form.Input.CorrectionsNote,
        FeatureImageId = form.Input.FeatureImageId,
        FeatureImageAlt = form.Input.FeatureImageAlt,
        ScheduleAt = form.Status == ArticleStatus.Scheduled ? time.Typed(form.PublishedAt) : null,
    };

    private static ArticleInput ToArticleInput(InputModel input, DateTimeOffset? commentsCloseAt) => new(
        input.Title, input.Slug, input.Standfirst, input.Body, input.Tags, input.CaseId, input.Visibility,
        input.CommentMode, commentsCloseAt, input.CorrectionsNote, input.FeatureImageId, input.FeatureImageAlt ?? "");
}
