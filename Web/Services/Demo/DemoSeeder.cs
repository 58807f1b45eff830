using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Accounts;
using Blog.Web.Services.Media;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Demo;

public sealed record DemoAccount(string Key, string Role, string Email, string? Password, string DisplayName, bool Subscriber);

/// <summary>
/// Fills an empty database with the demo newsroom: accounts, cases, articles and a discussion.
/// Idempotent (it does nothing once any account exists) and never called in Production.
/// </summary>
public sealed class DemoSeeder(
    BlogDbContext db,
    UserManager<BlogUser> users,
    AdminBootstrap admins,
    MarkdownRenderer renderer,
    ImageUploads uploads,
    Microsoft.Extensions.Options.IOptions<Configuration.LegalOptions> legal,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", Roles.Admin, "admin@docket.test", "demo admin passphrase", "Aroha Ngata", false),
        new("tom", Roles.Editor, "editor@docket.test", "demo editor passphrase", "Tom Whitcombe", false),
        new("mere", Roles.Legal, "legal@docket.test", "demo legal passphrase", "Mere Tipene", false),
        new("sam", "Subscriber", "sam@docket.test", "demo subscriber passphrase", "Sam Ferris", true),
        new("priya", "Subscriber", "priya@docket.test", "demo subscriber passphrase 2", "Priya Raman", true),
        new("max", "Member", "max@docket.test", "demo member passphrase", "Max Leary", false),
        // Further voices in the discussion; they have no password and cannot sign in.
        new("grace", "Subscriber", "grace@docket.test", null, "Grace Liu", true),
        new("hemi", "Subscriber", "hemi@docket.test", null, "Hemi Walker", true),
        new("daniel", "Subscriber", "daniel@docket.test", null, "Daniel O'Brien", true),
        new("fiona", "Subscriber", "fiona@docket.test", null, "Fiona McKay", true),
        new("rahul", "Subscriber", "rahul@docket.test", null, "Rahul Mehta", true),
        new("lucy", "Subscriber", "lucy@docket.test", null, "Lucy Tane", true),
        new("owen", "Subscriber", "owen@docket.test", null, "Owen Price", true),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await admins.EnsureRolesAsync();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var people = new Dictionary<string, BlogUser>();
        foreach (var account in Accounts)
        {
            people[account.Key] = await CreateAccountAsync(account, now);
        }

        AddAccountRecord(people, now);
        AddSettingsRecord(people["admin"], now);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tags = new Dictionary<string, Tag>();
        Article? discussed = null;
        var pictures = new List<MediaImage>();
        foreach (var picture in DemoPictures.ForArticles)
        {
            using var upload = new MemoryStream(DemoPictures.Draw(picture));
            pictures.Add((await uploads.AddAsync(upload, people["tom"].Id, cancellationToken)).Image!);
        }

        using var bodyUpload = new MemoryStream(DemoPictures.Draw(DemoPictures.InBody, 1200, 700));
        var inBody = (await uploads.AddAsync(bodyUpload, people["tom"].Id, cancellationToken)).Image!;

        foreach (var (demo, index) in DemoCases.Articles.Select((demo, index) => (demo, index)))
        {
            var published = now.AddDays(-demo.DaysAgo).AddHours(-3);
            var @case = await db.Cases.FirstOrDefaultAsync(c => c.Name == demo.Case.Name, cancellationToken) ?? NewCase(demo.Case, published);
            var body = index == 0 ? DemoPictures.WithPicture(demo.Body, BodyPictures.Markdown(inBody.Id, DemoPictures.InBody.Alt)) : demo.Body;
            var bodyHtml = renderer.RenderArticle(body, await BodyPictures.LoadAsync(db, body, cancellationToken));
            var article = new Article
            {
                Slug = Slug.From(demo.Title),
                Title = demo.Title,
                Standfirst = demo.Standfirst,
                Body = body,
                BodyHtml = bodyHtml,
                TeaserHtml = MarkdownRenderer.Teaser(bodyHtml, paragraphs: 2),
                Visibility = demo.SubscribersOnly ? ArticleVisibility.Subscribers : ArticleVisibility.Everyone,
                RenderVersion = MarkdownRenderer.PipelineVersion,
                AuthorId = people["tom"].Id,
                Status = ArticleStatus.Published,
                CreatedAt = published.AddHours(-2),
                PublishedAt = published,
                UpdatedAt = string.IsNullOrEmpty(demo.CorrectionsNote) ? published : published.AddDays(1),
                Case = @case,
                CorrectionsNote = demo.CorrectionsNote,
                FeatureImageId = index < pictures.Count ? pictures[index].Id : null,
                FeatureImageAlt = index < pictures.Count ? DemoPictures.ForArticles[index].Alt : "",
                Tags = demo.Tags.Select(name => tags.TryGetValue(name, out var tag) ? tag : tags[name] = new Tag { Name = name, Slug = Slug.From(name) }).ToList(),
            };
            db.Articles.Add(article);
            discussed ??= article;
        }

        await db.SaveChangesAsync(cancellationToken);
        var comments = await AddDiscussionAsync(discussed!, people, cancellationToken);
        await AddModerationWorkAsync(people, comments, now, cancellationToken);
        await DemoComplaints.AddAsync(db, renderer, legal.Value, people, discussed!.Id, now, cancellationToken);
        await AddHouseAdsAsync(now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo content seeded: {Accounts} accounts, {Articles} articles, {Comments} comments",
            Accounts.Count, DemoCases.Articles.Count, DemoDiscussion.Comments.Count);
    }

    // The staff roles on the account record, as if the admin had given them in the admin pages.
    private void AddAccountRecord(Dictionary<string, BlogUser> people, DateTimeOffset now)
    {
        (string Key, string Role, string Reason)[] given =
        [
            ("tom", Roles.Editor, "Joins the newsroom as the courts reporter."),
            ("mere", Roles.Legal, "In-house counsel: reviews complaints and keeps the suppression orders."),
        ];
        foreach (var (key, role, reason) in given)
        {
            db.AccountEvents.Add(new AccountEvent
            {
                UserId = people[key].Id,
                ActorId = people["admin"].Id,
                Kind = AccountEventKind.RoleGranted,
                Detail = role,
                Reason = reason,
                CreatedAt = now.AddDays(-59),
            });
        }
    }

    // Two changes on the settings record, as if the admin had made them at /admin/settings; the site runs on the results.
    private void AddSettingsRecord(BlogUser admin, DateTimeOffset now)
    {
        (string Setting, string From, string To, string Reason, int DaysAgo)[] changes =
        [
            ("Time zone", "UTC", SiteTime.DefaultZone, "The newsroom works in Auckland: schedules and comment times in its own hours.", 58),
            ("Edit window (minutes)", "10", "15", "Readers asked for a little longer to fix typos.", 30),
        ];
        foreach (var (setting, from, to, reason, daysAgo) in changes)
        {
            db.SettingChanges.Add(new SettingChange
            {
                Setting = setting, OldValue = from, NewValue = to, ActorId = admin.Id, Reason = reason, CreatedAt = now.AddDays(-daysAgo),
            });
        }
    }

    private async Task<BlogUser> CreateAccountAsync(DemoAccount account, DateTimeOffset now)
    {
        var user = new BlogUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            CreatedAt = now.AddDays(-60),
            AuthorSlug = account.Role == Roles.Editor ? Slug.From(account.DisplayName) : null,
        };
        var result = account.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, account.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {account.Email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        if (Roles.All.Contains(account.Role))
        {
            await users.AddToRoleAsync(user, account.Role);
        }

        if (account.Subscriber)
        {
            db.Subscriptions.Add(new Subscription
            {
                UserId = user.Id,
                Plan = "Annual",
                Status = SubscriptionStatus.Active,
                Source = SubscriptionSource.AdminGrant,
                StartedAt = now.AddDays(-30),
                CurrentPeriodEnd = now.AddDays(335),
            });
            await db.SaveChangesAsync();
        }

        return user;
    }

    private Case NewCase(DemoCases.DemoCase demo, DateTimeOffset at) => new()
    {
        Slug = Slug.From(demo.Name),
        Name = demo.Name,
        Citations = demo.Citations,
        Court = demo.Court,
        Jurisdiction = demo.Jurisdiction,
        FileNumber = demo.FileNumber,
        Judges = demo.Judges,
        ProceedingsStatus = demo.Status,
        Summary = demo.Summary,
        SummaryHtml = renderer.RenderArticle(demo.Summary),
        CreatedAt = at,
        UpdatedAt = at,
    };

    public const string DemoGiftCode = "DEMO-GIFT-2026";

    private async Task AddHouseAdsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var banner = new Ad { Name = "Subscribe banner", Slot = AdSlot.Header, Text = "Read Docket without ads and join the discussion: subscribe from NZD 9 a month.", LinkUrl = "/subscribe", ImagePath = "/images/ads/subscribe.svg", StartsAt = now.AddDays(-30), Weight = 3 };
        db.Ads.AddRange(
            banner,
            new Ad { Name = "Case alerts", Slot = AdSlot.Header, Text = "Follow a case: every case page has its own feed of our coverage.", LinkUrl = "/cases", StartsAt = now.AddDays(-30), Weight = 1 },
            new Ad { Name = "In-article subscribe", Slot = AdSlot.InArticle, Text = "Reporting on the courts takes time. Subscribers pay for it, and read without ads.", LinkUrl = "/subscribe", StartsAt = now.AddDays(-30) },
            new Ad { Name = "Sponsor: law library", Slot = AdSlot.Sidebar, Text = "The Auckland District Law Society library is open to the public for research on weekdays.", LinkUrl = "https://www.adls.org.nz/", StartsAt = now.AddDays(-30), IsSponsored = true },
            new Ad { Name = "Discussion subscribe", Slot = AdSlot.Discussion, Text = "Want to add your view? Subscribers can comment and reply.", LinkUrl = "/subscribe", StartsAt = now.AddDays(-30) },
            // Scheduled, and paused: what the admin's ad pages show besides running ads.
            new Ad { Name = "Law week", Slot = AdSlot.Header, Text = "Law week starts soon: our reporters explain a case a day.", LinkUrl = "/cases", StartsAt = now.AddDays(7), EndsAt = now.AddDays(14) },
            new Ad { Name = "Gift a subscription", Slot = AdSlot.Sidebar, Text = "Give a year of Docket to a law student.", LinkUrl = "/subscribe", StartsAt = now.AddDays(-10), PausedAt = now.AddDays(-2) });
        await db.SaveChangesAsync(cancellationToken);
        db.AdDailyCounts.AddRange(Enumerable.Range(1, 14).Select(day => new AdDailyCount
        {
            // A fortnight of made-up totals for the subscribe banner, so its page has a history to show.
            AdId = banner.Id, Day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-day), Impressions = 900 + (day * 37 % 250), Clicks = 6 + (day * 5 % 9),
        }));
        db.GiftCodes.Add(new GiftCode { Code = DemoGiftCode, Label = "Demo: a month of Docket for visitors", Days = 30, UsesLeft = 100, CreatedById = "demo", CreatedAt = now.AddDays(-1) });
        // A code an admin stopped: readers who try it are told it is no longer valid.
        db.GiftCodes.Add(new GiftCode { Code = "LAWSCHOOL-2025", Label = "Law school orientation 2025", Days = 90, UsesLeft = 40, CreatedById = "demo", CreatedAt = now.AddDays(-120), DisabledAt = now.AddDays(-20) });
    }

    /// <summary>Something for the demo editor to do: word lists, a newcomer's held comment, a reported comment.</summary>
    private async Task AddModerationWorkAsync(Dictionary<string, BlogUser> people, Dictionary<string, Comment> comments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ModerationWords.AddRange(
            new ModerationWord { Kind = WordListKind.Banned, Word = "scumbag" },
            new ModerationWord { Kind = WordListKind.Suspect, Word = "corrupt" },
            new ModerationWord { Kind = WordListKind.Suspect, Word = "liar" });

        var mega = await db.Articles.FirstAsync(a => a.Case!.Name == DemoCases.Mega.Name, cancellationToken);
        const string held = "Good to see the court insisting on a proper letter of request rather than a fishing expedition.";
        var newcomer = new Comment
        {
            ArticleId = mega.Id, AuthorId = people["owen"].Id, Body = held, BodyHtml = renderer.RenderComment(held),
            RenderVersion = MarkdownRenderer.PipelineVersion, Status = CommentStatus.Pending, CreatedAt = now.AddHours(-2), IdempotencyKey = Guid.NewGuid(),
            ModerationCode = "first-comments",
            ModerationReason = "Held for review: a new member's first comments are read by an editor before they appear. Thanks for joining in.",
        };
        db.Comments.Add(newcomer);
        await db.SaveChangesAsync(cancellationToken);
        newcomer.AssignPath(null);
        db.ModerationDecisions.Add(new ModerationDecision
        {
            Action = ModerationAction.Routed, CommentId = newcomer.Id, ArticleId = mega.Id, SubjectUserId = newcomer.AuthorId, Rule = "first-comments",
            ToStatus = CommentStatus.Pending, ReasonCode = "first-comments", Note = newcomer.ModerationReason, CreatedAt = newcomer.CreatedAt,
        });

        await AddSuppressionOrderAsync(people, now, cancellationToken);

        var reported = comments["c28"];
        db.CommentReports.AddRange(
            new CommentReport { CommentId = reported.Id, ReporterId = people["max"].Id, Reason = ReportReason.OffTopic, Details = "This is a rant, not a point about the case.", CreatedAt = now.AddHours(-5) },
            new CommentReport { CommentId = reported.Id, ReporterId = people["sam"].Id, Reason = ReportReason.Abuse, CreatedAt = now.AddHours(-4) });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A made-up criminal case (no real person) under an interim suppression order, and a comment on another case's
    /// article that names the protected person in initials: held as a possible breach, with the term marked for the
    /// editor. The order's next appearance is tomorrow, so it is on the queue page's list of orders to check.
    /// </summary>
    private async Task AddSuppressionOrderAsync(Dictionary<string, BlogUser> people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string summary = "A fictional prosecution, made up for this demo. The defendant has interim name suppression until the next appearance.";
        var record = new Case
        {
            Name = "Police v [name suppressed] (demo case)", Slug = "police-v-name-suppressed-demo", Court = "District Court at Auckland",
            Jurisdiction = "New Zealand", FileNumber = "CRI-2026-004-000000", ProceedingsStatus = ProceedingsStatus.Charged,
            Summary = summary, SummaryHtml = renderer.RenderArticle(summary), CreatedAt = now.AddDays(-3), UpdatedAt = now.AddDays(-3),
        };
        db.Cases.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        var order = new SuppressionOrder
        {
            CaseId = record.Id, OrderType = SuppressionOrderType.Interim, ProtectedRole = "defendant",
            Terms = "Arlo Penhaligon\nPenhaligon Joinery", MadeAt = now.AddDays(-3), NextAppearance = now.AddDays(1),
            EnteredById = people["tom"].Id, CreatedAt = now.AddDays(-3),
        };
        db.SuppressionOrders.Add(order);
        await db.SaveChangesAsync(cancellationToken);

        var voller = await db.Articles.FirstAsync(a => a.Case!.Name == DemoCases.Voller.Name, cancellationToken);
        const string naming = "Off topic, but everyone in Ponsonby knows the joinery case is about A. Penhaligon.";
        var breach = new Comment
        {
            ArticleId = voller.Id, AuthorId = people["lucy"].Id, Body = naming, BodyHtml = renderer.RenderComment(naming),
            RenderVersion = MarkdownRenderer.PipelineVersion, Status = CommentStatus.Pending, CreatedAt = now.AddMinutes(-40), IdempotencyKey = Guid.NewGuid(),
            ModerationCode = "suppression", ModerationReason = SuppressedTermsPhase.Message,
            SuppressionOrderId = order.Id, SuppressionTerm = "Arlo Penhaligon",
        };
        db.Comments.Add(breach);
        await db.SaveChangesAsync(cancellationToken);
        breach.AssignPath(null);
        db.ModerationDecisions.Add(new ModerationDecision
        {
            Action = ModerationAction.Routed, CommentId = breach.Id, ArticleId = voller.Id, SubjectUserId = breach.AuthorId, Rule = "suppression",
            ToStatus = CommentStatus.Pending, ReasonCode = "suppression", Note = SuppressedTermsPhase.Message, CreatedAt = breach.CreatedAt,
        });
        db.ModerationDecisions.Add(new ModerationDecision
        {
            Action = ModerationAction.OrderRecorded, ActorId = people["tom"].Id, ReasonCode = $"order-{order.Id}", Note = "Order recorded", CreatedAt = order.CreatedAt,
        });
    }

    private async Task<Dictionary<string, Comment>> AddDiscussionAsync(Article article, Dictionary<string, BlogUser> people, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<string, Comment>();
        foreach (var demo in DemoDiscussion.Comments)
        {
            var parent = demo.Parent is null ? null : byKey[demo.Parent];
            var comment = new Comment
            {
                ArticleId = article.Id,
                ParentId = parent?.Id,
                AuthorId = people[demo.Author].Id,
                Body = demo.Body,
                BodyHtml = renderer.RenderComment(demo.Body),
                RenderVersion = MarkdownRenderer.PipelineVersion,
                Status = demo.Status,
                CreatedAt = article.PublishedAt!.Value.AddMinutes(demo.MinutesAfter),
                IdempotencyKey = Guid.NewGuid(),
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            comment.AssignPath(parent);
            byKey[demo.Key] = comment;
            db.ModerationDecisions.Add(new ModerationDecision
            {
                Action = ModerationAction.Routed, CommentId = comment.Id, ArticleId = article.Id, SubjectUserId = comment.AuthorId,
                Rule = "demo-seed", ToStatus = comment.Status, ReasonCode = "published", CreatedAt = comment.CreatedAt,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return byKey;
    }
}
