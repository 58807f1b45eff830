using System.Globalization;

namespace Blog.Web.Infrastructure.Caching;

/// <summary>
/// The names cached things are filed under, in the newsroom's terms. What a page or a value shows decides its tags;
/// what a write saved decides which tags go (<see cref="Data.CacheEviction"/>): the two meet only here.
/// </summary>
public static class CacheTags
{
    /// <summary>An article: its page, its lookup, and every list entry that shows its title or comment count.</summary>
    public static string Article(int id) => "article:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>An article's discussion: its threads, its recommendation counts, what each reader has in it.</summary>
    public static string Discussion(int articleId) => "discussion:" + articleId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A case: its record page and the case box on each article about it.</summary>
    public static string Case(int id) => "case:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Not a tag but one entry, by its key: what must change on every instance in the same moment as the database
    /// (a session, a reader's standing) is kept in Redis, read there on every use, and removed there by key.
    /// </summary>
    public static string Entry(string key) => EntryPrefix + key;

    public const string EntryPrefix = "entry:";

    /// <summary>The key of a kept session.</summary>
    public static string SessionKey(string sessionId) => "session:" + sessionId;

    /// <summary>The key of what a reader's standing is made of (subscriptions and sanctions).</summary>
    public static string StandingKey(string userId) => "standing:" + userId;

    /// <summary>The site's navigation: every list of articles or cases (home, tags, authors, cases, search, feeds).</summary>
    public const string Lists = "lists";

    /// <summary>The house ads, and every anonymous page (they all carry ads).</summary>
    public const string Ads = "ads";

    /// <summary>The site's settings (evicting them evicts <see cref="Everything"/>: the name is on every page).</summary>
    public const string Settings = "settings";

    /// <summary>The moderation queues, their counts, and what a queue item shows beside a comment.</summary>
    public const string Moderation = "moderation";

    /// <summary>
    /// Everything: a person's name or badge changed (a rename, a new role, an anonymised or deleted account), and
    /// names are on every list, thread and page. Rare enough that clearing the whole cache is the exact answer.
    /// </summary>
    public const string Everything = "*";
}
