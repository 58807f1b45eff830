using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Blog.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Moderation;

public sealed record OrderInput(int CaseId, SuppressionOrderType Type, string Role, string Terms, DateTimeOffset MadeAt,
    DateTimeOffset? NextAppearance, DateTimeOffset? ExpiresAt);

/// <summary>
/// Suppression orders: recorded, changed and lifted by editors, every step logged. An order protects a person
/// everywhere the site publishes: new comments and edits on every article are screened against every order in force
/// (<see cref="Comments.CommentRouter"/>), and a new order or new terms screen the comments already visible, hiding
/// every hit at once as a possible breach.
/// </summary>
public sealed class SuppressionOrderService(BlogDbContext db, TimeProvider clock, ILogger<SuppressionOrderService> logger)
{
    public const int MaxTerms = 50;
    public const int MaxTermLength = 200;
    public const int MaxRoleLength = 100;
    public const int MaxReasonLength = 1000;

    public Task<List<SuppressionOrder>> OrdersAsync(CancellationToken cancellationToken) =>
        db.SuppressionOrders.AsNoTracking().Include(o => o.Case).OrderByDescending(o => o.MadeAt).ToListAsync(cancellationToken);

    public Task<SuppressionOrder?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.SuppressionOrders.AsNoTracking().Include(o => o.Case).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public async Task<ModerationResult> AddAsync(OrderInput input, string editorId, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(input, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var order = new SuppressionOrder { EnteredById = editorId, CreatedAt = now };
        Apply(order, input);
        db.SuppressionOrders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        var held = await ScreenVisibleAsync(order, editorId, ModerationAction.OrderRecorded, "Order recorded", cancellationToken);
        return ModerationResult.Ok($"The suppression order is recorded and applies to every article from now on.{Held(held)}");
    }

    public async Task<ModerationResult> UpdateAsync(int id, OrderInput input, string editorId, CancellationToken cancellationToken)
    {
        var (order, missing) = await LiveOrderAsync(id, "That order has been lifted; record a new order instead.", cancellationToken);
        if (order is null)
        {
            return missing!;
        }

        if (await RefusalAsync(input, cancellationToken) is { } refused)
        {
            return refused;
        }

        var before = string.Join("; ", order.TermList);
        Apply(order, input);
        order.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var held = await ScreenVisibleAsync(order, editorId, ModerationAction.OrderChanged,
            before == string.Join("; ", order.TermList) ? "Order changed" : "Order changed, with new terms", cancellationToken);
        return ModerationResult.Ok($"The order is updated.{Held(held)}");
    }

    /// <summary>Lifts an order, with the reason on record. Comments it held stay held until a moderator decides them.</summary>
    public async Task<ModerationResult> LiftAsync(int id, string reason, string editorId, CancellationToken cancellationToken)
    {
        var (order, missing) = await LiveOrderAsync(id, "That order has already been lifted.", cancellationToken);
        if (order is null)
        {
            return missing!;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ModerationResult.Refused("Say why the order is lifted (for example, the court's decision and its date).");
        }

        if (reason.Trim().Length > MaxReasonLength)
        {
            return ModerationResult.Refused($"The reason can be at most {MaxReasonLength:N0} characters.");
        }

        var now = clock.GetUtcNow();
        order.Lift(editorId, reason, now);
        db.ModerationDecisions.Add(OrderDecision(order, ModerationAction.OrderLifted, editorId, reason.Trim(), now));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Suppression order {OrderId} lifted by {UserId}", order.Id, editorId);
        return ModerationResult.Ok("The order is lifted. Comments it held stay held until a moderator decides them.");
    }

    /// <summary>An order that can still be changed or lifted, or the refusal that says why not.</summary>
    private async Task<(SuppressionOrder? Order, ModerationResult? Refusal)> LiveOrderAsync(int id, string whenLifted, CancellationToken cancellationToken)
    {
        var order = await db.SuppressionOrders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        return order switch
        {
            null => (null, ModerationResult.Refused("That order is not on record.")),
            { LiftedAt: not null } => (null, ModerationResult.Refused(whenLifted)),
            _ => (order, null),
        };
    }

    /// <summary>Interim orders whose next appearance has come (or comes within a day): an editor must check the order's fate.</summary>
    public async Task<IReadOnlyList<DueOrder>> DueOrdersAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var soon = now.AddDays(1);
        return await db.SuppressionOrders.AsNoTracking()
            .Where(SuppressionOrder.ActiveAt(now))
            .Where(o => o.OrderType == SuppressionOrderType.Interim && o.NextAppearance != null && o.NextAppearance <= soon)
            .OrderBy(o => o.NextAppearance)
            .Select(o => new DueOrder(o.Id, o.Case!.Name, o.Case.Slug, o.ProtectedRole, o.NextAppearance!.Value))
            .ToListAsync(cancellationToken);
    }

    private async Task<ModerationResult?> RefusalAsync(OrderInput input, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == input.CaseId, cancellationToken))
        {
            return ModerationResult.Refused("Choose the case the order was made in.");
        }

        var terms = LineList.Split(input.Terms);
        if (terms.Length == 0)
        {
            return ModerationResult.Refused("List at least one suppressed term: a name, alias, address or occupation.");
        }

        if (terms.Length > MaxTerms || terms.Any(t => t.Length > MaxTermLength))
        {
            return ModerationResult.Refused($"An order can list at most {MaxTerms} terms, each at most {MaxTermLength} characters.");
        }

        if (input.Role.Trim().Length > MaxRoleLength)
        {
            return ModerationResult.Refused($"The protected person's role can be at most {MaxRoleLength} characters.");
        }

        if (input.ExpiresAt is { } expires && expires <= input.MadeAt)
        {
            return ModerationResult.Refused("The order cannot expire before it was made.");
        }

        return null;
    }

    private static void Apply(SuppressionOrder order, OrderInput input)
    {
        order.CaseId = input.CaseId;
        order.OrderType = input.Type;
        order.ProtectedRole = input.Role.Trim();
        order.Terms = string.Join('\n', LineList.Split(input.Terms));
        order.MadeAt = input.MadeAt;
        order.NextAppearance = input.NextAppearance;
        order.ExpiresAt = input.ExpiresAt;
    }

    /// <summary>
    /// Screens every visible comment on the site against the order's terms; each hit is hidden at once (Pending,
    /// "possible suppression breach"), with a decision on record, and the cached pages are dropped.
    /// </summary>
    private async Task<int> ScreenVisibleAsync(SuppressionOrder order, string editorId, ModerationAction action, string note, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.ModerationDecisions.Add(OrderDecision(order, action, editorId, note, now));
        var hits = new List<(long Id, SuppressedTerm Term)>();
        if (order.IsActive(now))
        {
            var terms = order.SuppressedTerms.ToList();
            // Streamed, only id and text: a new order can be screened against a large archive.
            await foreach (var row in db.Comments.AsNoTracking().Where(CommentStatusRules.Visible)
                .Select(c => new { c.Id, c.Body }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (SuppressionMatcher.FirstMatch(row.Body, terms) is { } hit)
                {
                    hits.Add((row.Id, hit));
                }
            }
        }

        foreach (var chunk in hits.Chunk(500))
        {
            var ids = chunk.Select(h => h.Id).ToList();
            var comments = await db.Comments.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var (id, term) in chunk)
            {
                if (comments.TryGetValue(id, out var comment) && comment.Status.IsVisible())
                {
                    var from = comment.Status;
                    comment.HoldAsPossibleBreach(term, SuppressedTermsPhase.Message);
                    db.ModerationDecisions.Add(new ModerationDecision
                    {
                        Action = ModerationAction.HeldForSuppression, CommentId = comment.Id, ArticleId = comment.ArticleId,
                        SubjectUserId = comment.AuthorId, Rule = "suppression", FromStatus = from, ToStatus = comment.Status,
                        ReasonCode = "suppression", Note = SuppressedTermsPhase.Message, CreatedAt = now,
                    });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (hits.Count > 0)
        {
            logger.LogWarning("Suppression order {OrderId} matched {Count} visible comments; they are held for review", order.Id, hits.Count);
        }

        return hits.Count;
    }

    private static ModerationDecision OrderDecision(SuppressionOrder order, ModerationAction action, string editorId, string note, DateTimeOffset now) => new()
    {
        Action = action, ActorId = editorId, ReasonCode = $"order-{order.Id}", Note = note, CreatedAt = now,
    };

    private static string Held(int held) => held switch
    {
        0 => " No visible comment matches its terms.",
        1 => " One visible comment matched its terms and is now held in the Pending queue.",
        _ => $" {held} visible comments matched its terms and are now held in the Pending queue.",
    };
}
