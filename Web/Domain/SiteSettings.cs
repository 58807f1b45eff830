namespace Blog.Web.Domain;

public enum WhoMayComment
{
    /// <summary>Active subscribers and staff.</summary>
    Subscribers = 0,

    /// <summary>Every signed-in account.</summary>
    Members = 1,
}

/// <summary>
/// What an admin sets for the whole site, kept in one row of the database and read afresh on the next request after a
/// change (on every instance). Configuration gives only the first values. Immutable: one snapshot serves a request.
/// </summary>
public sealed record SiteSettings
{
    public const int SingleRowId = 1;
    public const int NameMaxLength = 40;
    public const int TaglineMaxLength = 160;
    public const int EmailMaxLength = 254;

    public int Id { get; init; } = SingleRowId;

    public string Name { get; init; } = "Docket";

    public string Tagline { get; init; } = "";

    public string ContactEmail { get; init; } = "";

    /// <summary>Where legal complaints about content go.</summary>
    public string ComplaintsEmail { get; init; } = "";

    /// <summary>The IANA name of the zone every time is shown and typed in.</summary>
    public string TimeZone { get; init; } = SiteTime.DefaultZone;

    public WhoMayComment WhoMayComment { get; init; }

    /// <summary>Hold every comment on the site for review.</summary>
    public bool SitePreModerated { get; init; }

    /// <summary>A new author's first this-many comments are held for review.</summary>
    public int FirstCommentsHeld { get; init; } = 1;

    /// <summary>Distinct readers whose open reports hide a comment until a moderator reviews it.</summary>
    public int ReportThreshold { get; init; } = 3;

    /// <summary>Comments with more links than this are held for review.</summary>
    public int MaxLinks { get; init; } = 2;

    /// <summary>Comments close this many days after publication unless the article says otherwise (0: never).</summary>
    public int AutoCloseDays { get; init; } = 30;

    /// <summary>How long an author may edit their comment after posting it.</summary>
    public int EditWindowMinutes { get; init; } = 15;

    public DateTimeOffset UpdatedAt { get; init; }

    public bool OpenToMembers => WhoMayComment == WhoMayComment.Members;

    public TimeSpan EditWindow => TimeSpan.FromMinutes(EditWindowMinutes);

    /// <summary>The site's zone (UTC if the stored name is one this machine does not know).</summary>
    public SiteTime Time => SiteTime.Find(TimeZone) ?? SiteTime.Utc;

    /// <summary>The settings an admin can change, by the name the record of changes uses, with their values as text.</summary>
    public IEnumerable<(string Setting, string Value)> Values()
    {
        yield return ("Site name", Name);
        yield return ("Tagline", Tagline);
        yield return ("Contact address", ContactEmail);
        yield return ("Complaints address", ComplaintsEmail);
        yield return ("Time zone", TimeZone);
        yield return ("Who may comment", WhoMayComment == WhoMayComment.Members ? "every member" : "subscribers");
        yield return ("Pre-moderate the whole site", SitePreModerated ? "yes" : "no");
        yield return ("First comments held", FirstCommentsHeld.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("Report threshold", ReportThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("Link limit", MaxLinks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("Comments close after (days)", AutoCloseDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("Edit window (minutes)", EditWindowMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>One change to a site setting: who, when, from what to what. Append-only (the DbContext refuses changes).</summary>
public sealed class SettingChange
{
    public const int SettingMaxLength = 60;
    public const int ValueMaxLength = 300;

    public long Id { get; set; }

    public string Setting { get; set; } = "";

    public string OldValue { get; set; } = "";

    public string NewValue { get; set; } = "";

    /// <summary>Kept as text, not a key: the record outlives the account.</summary>
    public string ActorId { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
