namespace Blog.Web.Domain;

public enum AccountEventKind
{
    RoleGranted = 0,
    RoleRemoved = 1,
    Locked = 2,
    Unlocked = 3,
    SessionsEnded = 4,
    ConfirmationResent = 5,
}

/// <summary>
/// One entry of an account's record: every change an admin makes to a person's rights or access, with who made it and
/// why. Append-only, like the moderation record: never updated, never deleted (the DbContext refuses).
/// </summary>
public sealed class AccountEvent
{
    public const int DetailMaxLength = 200;
    public const int ReasonMaxLength = 300;

    public long Id { get; set; }

    /// <summary>The account the change is about. Kept as text, not a key: the record outlives the account.</summary>
    public string UserId { get; set; } = "";

    public string ActorId { get; set; } = "";

    public AccountEventKind Kind { get; set; }

    /// <summary>What changed, e.g. the role's name or how many sessions ended.</summary>
    public string Detail { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public static string Describe(AccountEventKind kind) => kind switch
    {
        AccountEventKind.RoleGranted => "Role given",
        AccountEventKind.RoleRemoved => "Role removed",
        AccountEventKind.Locked => "Locked",
        AccountEventKind.Unlocked => "Unlocked",
        AccountEventKind.SessionsEnded => "Sessions ended",
        AccountEventKind.ConfirmationResent => "Confirmation mail sent again",
        _ => kind.ToString(),
    };
}
