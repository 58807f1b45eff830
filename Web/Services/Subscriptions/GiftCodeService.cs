using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Subscriptions;

public sealed record GiftCodeInput(string Code, string Label, int Days, int Uses, DateTimeOffset? ExpiresAt);

public sealed record GiftCodeOutcome(bool Succeeded, string Message)
{
    public static GiftCodeOutcome Refused(string message) => new(false, message);
}

public sealed record GiftCodeLine(int Id, string Code, string Label, int Days, int UsesLeft, DateTimeOffset? ExpiresAt, DateTimeOffset? DisabledAt, DateTimeOffset CreatedAt, int Redemptions);

public sealed record GiftCodeRedeemer(string UserId, string Name, string? Email, DateTimeOffset RedeemedAt);

public sealed record GiftCodeDetail(GiftCodeLine Code, IReadOnlyList<GiftCodeRedeemer> Redeemers);

/// <summary>The admin's side of gift codes: make them (chosen or generated text, a label), stop and restart them, see who used them.</summary>
public sealed class GiftCodeService(BlogDbContext db, TimeProvider clock, ILogger<GiftCodeService> logger)
{
    public const int MaxDays = 3660;
    public const int MaxUses = 100_000;

    public async Task<GiftCodeOutcome> CreateAsync(GiftCodeInput input, string adminId, CancellationToken cancellationToken)
    {
        if (input.Days is < 1 or > MaxDays || input.Uses is < 1 or > MaxUses)
        {
            return GiftCodeOutcome.Refused($"A code gives 1 to {MaxDays:N0} days, for 1 to {MaxUses:N0} uses.");
        }

        var label = input.Label.Trim();
        if (label.Length > GiftCode.MaxLabelLength)
        {
            return GiftCodeOutcome.Refused($"The label can be at most {GiftCode.MaxLabelLength} characters.");
        }

        var now = clock.GetUtcNow();
        if (input.ExpiresAt is { } expires && expires <= now)
        {
            return GiftCodeOutcome.Refused("The expiry must be in the future, or left empty for a code that does not expire.");
        }

        var chosen = string.IsNullOrWhiteSpace(input.Code) ? null : GiftCode.Normalise(input.Code);
        if (chosen is { Length: < GiftCode.MinLength or > GiftCode.MaxLength })
        {
            return GiftCodeOutcome.Refused($"A chosen code has {GiftCode.MinLength} to {GiftCode.MaxLength} letters, digits or hyphens (other characters are dropped), or leave it empty to have one made.");
        }

        var code = chosen ?? GiftCode.Generate();
        if (await db.GiftCodes.AnyAsync(g => g.Code == code, cancellationToken))
        {
            return GiftCodeOutcome.Refused($"The code {code} exists already. Choose another.");
        }

        db.GiftCodes.Add(new GiftCode { Code = code, Label = label, Days = input.Days, UsesLeft = input.Uses, ExpiresAt = input.ExpiresAt, CreatedById = adminId, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseBusy.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return GiftCodeOutcome.Refused($"The code {code} exists already. Choose another.");
        }

        logger.LogInformation("Gift code {Code} created by {AdminId}", code, adminId);
        return new GiftCodeOutcome(true, $"Created {code}: {input.Days} days, {input.Uses} {(input.Uses == 1 ? "use" : "uses")}.");
    }

    public Task<GiftCodeOutcome> DisableAsync(int id, string adminId, CancellationToken cancellationToken) =>
        ChangeAsync(id, adminId, (code, now) => code.Disable(now), "stopped: nobody can redeem it now", cancellationToken);

    public Task<GiftCodeOutcome> EnableAsync(int id, string adminId, CancellationToken cancellationToken) =>
        ChangeAsync(id, adminId, (code, _) => code.Enable(), "restarted: readers can redeem it again", cancellationToken);

    public Task<List<GiftCodeLine>> ListAsync(CancellationToken cancellationToken) =>
        Lines(db.GiftCodes.AsNoTracking().OrderByDescending(g => g.CreatedAt).ThenByDescending(g => g.Id)).ToListAsync(cancellationToken);

    public async Task<GiftCodeDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var line = await Lines(db.GiftCodes.AsNoTracking().Where(g => g.Id == id)).FirstOrDefaultAsync(cancellationToken);
        if (line is null)
        {
            return null;
        }

        var redeemers = await db.GiftCodeRedemptions.AsNoTracking().Where(r => r.GiftCodeId == id)
            .OrderByDescending(r => r.RedeemedAt)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new GiftCodeRedeemer(u.Id, u.DisplayName, u.Email, r.RedeemedAt))
            .ToListAsync(cancellationToken);
        return new GiftCodeDetail(line, redeemers);
    }

    private IQueryable<GiftCodeLine> Lines(IQueryable<GiftCode> codes) =>
        codes.Select(g => new GiftCodeLine(g.Id, g.Code, g.Label, g.Days, g.UsesLeft, g.ExpiresAt, g.DisabledAt, g.CreatedAt,
            db.GiftCodeRedemptions.Count(r => r.GiftCodeId == g.Id)));

    private async Task<GiftCodeOutcome> ChangeAsync(int id, string adminId, Action<GiftCode, DateTimeOffset> change, string done, CancellationToken cancellationToken)
    {
        var code = await db.GiftCodes.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (code is null)
        {
            return GiftCodeOutcome.Refused("That gift code no longer exists.");
        }

        change(code, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Gift code {Code} {Change} by {AdminId}", code.Code, done, adminId);
        return new GiftCodeOutcome(true, $"{code.Code} {done}.");
    }
}
