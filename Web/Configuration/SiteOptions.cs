using System.ComponentModel.DataAnnotations;

namespace Blog.Web.Configuration;

public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>
    /// The site's public address (scheme, host, optional port and path). Every absolute link the site writes (mail,
    /// feeds, canonical links, Stripe's return addresses) is built from it, never from the request's Host header: a
    /// forged Host would otherwise put another site into a password-reset mail.
    /// </summary>
    [Required]
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The base address without a trailing slash.</summary>
    public string Origin => BaseUrl.TrimEnd('/');

    /// <summary>An absolute address on this site for a local path such as <c>/account/reset-password?code=...</c>.</summary>
    public string Link(string localPath) => Origin + (localPath.StartsWith('/') ? localPath : "/" + localPath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            yield return new ValidationResult("Site:BaseUrl must be an absolute http(s) address such as https://news.example.org, without a query.", [nameof(BaseUrl)]);
        }

        if (Domain.SiteTime.Find(TimeZone) is null)
        {
            yield return new ValidationResult($"Site:TimeZone must be an IANA time zone this machine knows, such as {Domain.SiteTime.DefaultZone}.", [nameof(TimeZone)]);
        }
    }

    // The settings below are first values only: an admin changes them at /admin/settings, and the database's copy wins.

    [Required, StringLength(40, MinimumLength = 1)]
    public string Name { get; set; } = "Docket";

    [Required]
    public string Tagline { get; set; } = "Legal news, and a discussion worth reading";

    [Required, EmailAddress]
    public string ContactEmail { get; set; } = "newsroom@docket.example";

    /// <summary>Where legal complaints about content go until the complaints workflow lands.</summary>
    [Required, EmailAddress]
    public string ComplaintsEmail { get; set; } = "complaints@docket.example";

    /// <summary>The IANA zone times are shown and typed in; the database keeps UTC.</summary>
    [Required]
    public string TimeZone { get; set; } = Domain.SiteTime.DefaultZone;
}

public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required, EmailAddress]
    public string From { get; set; } = "no-reply@docket.example";

    [Required]
    public string FromName { get; set; } = "Docket";

    /// <summary>SMTP server; when empty, mail is written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>STARTTLS on the SMTP connection (use port 465 for implicit TLS).</summary>
    public bool SmtpStartTls { get; set; } = true;

    /// <summary>Relative paths are under the content root.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "App_Data/mail";
}

public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>
    /// Where pictures are kept (relative paths are under the content root), outside wwwroot. With several instances,
    /// a folder they all share, or another <c>IMediaStore</c>.
    /// </summary>
    [Required]
    public string Path { get; set; } = "App_Data/media";

    /// <summary>The largest upload taken, in megabytes.</summary>
    [Range(1, 50)]
    public int MaxUploadMegabytes { get; set; } = 10;
}

public sealed class DemoContentOptions
{
    public const string Section = "DemoContent";

    /// <summary>Seed demo accounts, cases, articles and a discussion on an empty database. Never in Production.</summary>
    public bool Enabled { get; set; }
}

public sealed class BootstrapAdminOptions
{
    public const string Section = "BootstrapAdmin";

    /// <summary>On start, an existing account with this email is made an Admin (the first admin of a new install).</summary>
    [RegularExpression(@"^$|^[^@\s]+@[^@\s]+$", ErrorMessage = "BootstrapAdmin:Email must be empty or an email address.")]
    public string? Email { get; set; }
}

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>POSTs to sign-in, register and password-reset pages allowed per client address per minute.</summary>
    [Range(1, 100_000)]
    public int AccountPostsPerMinute { get; set; } = 10;

    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(1, 365)]
    public int SessionDays { get; set; } = 14;

    /// <summary>
    /// Secure, __Host- prefixed cookies (the default). Only for plain-http local development may this be false;
    /// it is ignored in Production.
    /// </summary>
    public bool HttpsCookies { get; set; } = true;

    /// <summary>PBKDF2 iterations for new password hashes.</summary>
    [Range(1, 10_000_000)]
    public int PasswordHashIterations { get; set; } = 210_000;
}

public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    /// <summary>Days a lapsed subscription keeps working, so a late card renewal does not lock a reader out.</summary>
    [Range(0, 60)]
    public int GraceDays { get; set; } = 3;

    /// <summary>The plans on offer (from configuration; see appsettings.json).</summary>
    public List<PlanOption> Plans { get; set; } = [];
}

public sealed class PlanOption
{
    [Required]
    public string Id { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    [Range(0, 100_000)]
    public decimal Price { get; set; }

    [Required]
    public string Currency { get; set; } = "NZD";

    [Range(1, 36)]
    public int PeriodMonths { get; set; } = 1;

    /// <summary>The Stripe Price this plan is sold as (price_...), when card payments are on.</summary>
    public string? StripePriceId { get; set; }

    public string PeriodText => PeriodMonths == 12 ? "year" : PeriodMonths == 1 ? "month" : $"{PeriodMonths} months";
}

public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string? SecretKey { get; set; }

    /// <summary>The signing secret of the webhook endpoint (whsec_...).</summary>
    public string? WebhookSecret { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);
}

public sealed class CommentOptions
{
    public const string Section = "Comments";

    public const int MaxLength = 5000;

    /// <summary>Open commenting to every signed-in account, not only subscribers and staff (a first value: see /admin/settings).</summary>
    public bool OpenToMembers { get; set; }

    /// <summary>How long an author may edit their comment after posting it.</summary>
    [Range(0, 1440)]
    public int EditWindowMinutes { get; set; } = 15;

    /// <summary>Comment and reply posts allowed per account per minute (a burst guard; business caps live in the database).</summary>
    [Range(1, 10_000)]
    public int PostsPerMinute { get; set; } = 6;

    /// <summary>Previews allowed per reader per minute: looser than posts, since writers preview as they go.</summary>
    [Range(1, 10_000)]
    public int PreviewsPerMinute { get; set; } = 30;

    /// <summary>Recommends, edits, deletions and reports allowed per reader per minute, each counted on its own.</summary>
    [Range(1, 10_000)]
    public int ActionsPerMinute { get; set; } = 30;
}

public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>Hold every comment on the site for review.</summary>
    public bool SitePreModerated { get; set; }

    /// <summary>A new author's first this-many comments are held for review.</summary>
    [Range(0, 100)]
    public int FirstCommentsHeld { get; set; } = 1;

    /// <summary>Comments with more links than this are held for review.</summary>
    [Range(0, 100)]
    public int MaxLinks { get; set; } = 2;

    /// <summary>Distinct readers whose open reports hide a comment until a moderator reviews it.</summary>
    [Range(1, 100)]
    public int ReportThreshold { get; set; } = 3;

    /// <summary>Comments close this many days after publication unless the article says otherwise (0: never).</summary>
    [Range(0, 3650)]
    public int AutoCloseDays { get; set; } = 30;

    [Range(1, 1440)]
    public int DuplicateWindowMinutes { get; set; } = 10;

    [Range(1, 1440)]
    public int FloodWindowMinutes { get; set; } = 5;

    [Range(1, 1000)]
    public int FloodMaxComments { get; set; } = 5;
}
