using System.ComponentModel.DataAnnotations;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Settings;

public sealed record SettingsOutcome(bool Succeeded, string Message, int Changed = 0);

/// <summary>A change on the record, with the name of who made it.</summary>
public sealed record SettingChangeRow(string Setting, string OldValue, string NewValue, string ActorName, string Reason, DateTimeOffset At);

/// <summary>
/// The site's settings: one row in the database, first written from configuration, read through the site's cache (so
/// a change reaches every instance on its next request: the row's save evicts it) and kept for the rest of a request
/// so one page sees one set of values.
/// </summary>
public sealed class SiteSettingsStore(
    BlogDbContext db,
    SiteCache cache,
    IOptions<SiteOptions> site,
    IOptions<CommentOptions> comments,
    IOptions<ModerationOptions> moderation,
    TimeProvider clock)
{
    private const string Key = "settings";

    private static readonly EmailAddressAttribute Email = new();

    private SiteSettings? current;

    /// <summary>The first values, from configuration: what a new install starts with.</summary>
    public SiteSettings FirstValues() => new()
    {
        Name = site.Value.Name,
        Tagline = site.Value.Tagline,
        ContactEmail = site.Value.ContactEmail,
        ComplaintsEmail = site.Value.ComplaintsEmail,
        TimeZone = SiteTime.Find(site.Value.TimeZone)?.ZoneName ?? SiteTime.DefaultZone,
        WhoMayComment = comments.Value.OpenToMembers ? WhoMayComment.Members : WhoMayComment.Subscribers,
        SitePreModerated = moderation.Value.SitePreModerated,
        FirstCommentsHeld = moderation.Value.FirstCommentsHeld,
        ReportThreshold = moderation.Value.ReportThreshold,
        MaxLinks = moderation.Value.MaxLinks,
        AutoCloseDays = moderation.Value.AutoCloseDays,
        EditWindowMinutes = comments.Value.EditWindowMinutes,
    };

    /// <summary>The settings in force, the same for the whole of this request.</summary>
    public async ValueTask<SiteSettings> CurrentAsync(CancellationToken cancellationToken = default) =>
        current ??= await cache.GetOrLoadAsync(Key, [CacheTags.Settings],
            async token => await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(token) ?? FirstValues(),
            cancellationToken, lifetime: TimeSpan.FromMinutes(10));

    /// <summary>The site's zone, for what shows or reads a time.</summary>
    public async ValueTask<SiteTime> TimeAsync(CancellationToken cancellationToken = default) => (await CurrentAsync(cancellationToken)).Time;

    /// <summary>Writes the first values on a new database (once, whichever instance starts first).</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await db.SiteSettings.AnyAsync(cancellationToken))
        {
            return;
        }

        db.SiteSettings.Add(FirstValues() with { UpdatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance may have written them first; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (!await db.SiteSettings.AsNoTracking().AnyAsync(cancellationToken))
            {
                throw;
            }
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>Why these settings cannot be saved, or null: the one check, for the form and any other caller.</summary>
    public static string? Refusal(SiteSettings proposed) => proposed switch
    {
        { Name.Length: 0 or > SiteSettings.NameMaxLength } => $"The site's name is 1 to {SiteSettings.NameMaxLength} characters.",
        { Tagline.Length: > SiteSettings.TaglineMaxLength } => $"The tagline is at most {SiteSettings.TaglineMaxLength} characters.",
        _ when !IsEmail(proposed.ContactEmail) => "The contact address must be an email address.",
        _ when !IsEmail(proposed.ComplaintsEmail) => "The complaints address must be an email address.",
        _ when SiteTime.Find(proposed.TimeZone) is null => $"“{proposed.TimeZone}” is not a time zone this server knows: choose one from the list (an IANA name such as Pacific/Auckland).",
        _ when !Enum.IsDefined(proposed.WhoMayComment) => "Choose who may comment.",
        { FirstCommentsHeld: < 0 or > 100 } => "First comments held is 0 to 100.",
        { ReportThreshold: < 1 or > 100 } => "The report threshold is 1 to 100.",
        { MaxLinks: < 0 or > 100 } => "The link limit is 0 to 100.",
        { AutoCloseDays: < 0 or > 3650 } => "Comments close after 0 (never) to 3650 days.",
        { EditWindowMinutes: < 0 or > 1440 } => "The edit window is 0 to 1440 minutes.",
        _ => null,
    };

    private static bool IsEmail(string value) => value.Length is > 0 and <= SiteSettings.EmailMaxLength && Email.IsValid(value);

    /// <summary>
    /// Saves <paramref name="proposed"/> and puts each changed setting on the record with its old and new value. In force
    /// on every instance from the next request.
    /// </summary>
    public async Task<SettingsOutcome> UpdateAsync(SiteSettings proposed, string actorId, string reason, CancellationToken cancellationToken)
    {
        proposed = Trimmed(proposed);
        reason = reason.Trim();
        if (Refusal(proposed) is { } refusal)
        {
            return new(false, refusal);
        }

        if (reason.Length > AccountEvent.ReasonMaxLength)
        {
            return new(false, $"The reason is at most {AccountEvent.ReasonMaxLength} characters.");
        }

        var now = clock.GetUtcNow();
        var row = await db.SiteSettings.FirstOrDefaultAsync(cancellationToken);
        var before = row ?? FirstValues();
        var changes = before.Values().Zip(proposed.Values())
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => new SettingChange
            {
                Setting = pair.First.Setting, OldValue = Clip(pair.First.Value), NewValue = Clip(pair.Second.Value),
                ActorId = actorId, Reason = reason, CreatedAt = now,
            })
            .ToList();
        if (changes.Count == 0)
        {
            return new(true, "Nothing changed.");
        }

        var saved = proposed with { Id = SiteSettings.SingleRowId, UpdatedAt = now };
        if (row is null)
        {
            db.SiteSettings.Add(saved);
        }
        else
        {
            db.Entry(row).CurrentValues.SetValues(saved);
        }

        db.SettingChanges.AddRange(changes);
        await db.SaveChangesAsync(cancellationToken);
        current = saved;
        return new(true, changes.Count == 1 ? $"Saved: {changes[0].Setting} changed." : $"Saved: {changes.Count} settings changed.", changes.Count);
    }

    /// <summary>The latest changes, newest first.</summary>
    public async Task<IReadOnlyList<SettingChangeRow>> RecordAsync(int take, CancellationToken cancellationToken) =>
        await db.SettingChanges.AsNoTracking()
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(take)
            .Select(c => new SettingChangeRow(c.Setting, c.OldValue, c.NewValue,
                db.Users.Where(u => u.Id == c.ActorId).Select(u => u.DisplayName).FirstOrDefault() ?? "a former admin",
                c.Reason, c.CreatedAt))
            .ToListAsync(cancellationToken);

    private static SiteSettings Trimmed(SiteSettings s) => s with
    {
        Name = s.Name.Trim(), Tagline = s.Tagline.Trim(), ContactEmail = s.ContactEmail.Trim(),
        ComplaintsEmail = s.ComplaintsEmail.Trim(), TimeZone = s.TimeZone.Trim(),
    };

    private static string Clip(string value) => value.Length <= SettingChange.ValueMaxLength ? value : value[..SettingChange.ValueMaxLength];
}
