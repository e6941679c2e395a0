using System.Globalization;
using AttackDash.Core.Net;
using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace AttackDash.Storage.Blocking;

/// <summary>The weekly review's decisions: each blocks as <see cref="BlockAsync"/> does, in the same transaction as the decision.</summary>
public sealed partial class BlockingService
{
    /// <inheritdoc/>
    public async Task DecideAsync(long itemId, string decision, string actor, CancellationToken ct = default)
    {
        await using var db = Open();
        var item = await db.ReviewItems.SingleOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new BlockRefusedException($"no review item {itemId}");
        if (item.Decision is not null)
            throw new BlockRefusedException($"item {itemId} ({item.Ip}) was decided already: {item.Decision}");
        var review = await db.Reviews.SingleAsync(r => r.Id == item.ReviewId, ct);
        var ip = IpAddress128.Parse(item.Ip);
        var reason = string.Create(CultureInfo.InvariantCulture, $"weekly review {review.WeekStart:yyyy-MM-dd}: {item.Events} events ({item.Kinds})");
        Cidr? network = decision switch
        {
            "block32" => Cidr.Host(ip),
            "block24" => Cidr.Neighbourhood(ip),
            "reject" => null,
            _ => throw new BlockRefusedException($"decision '{decision}' is not block32, block24 or reject"),
        };
        if (network is { } blocked)
            await AddBlockAsync(db, blocked, reason, actor, banTime: null, wideConfirmed: false, ct);
        else
            db.AuditLog.Add(new AuditRow { At = _clock.GetUtcNow(), Actor = actor, Action = "review-reject", Target = item.Ip, Reason = reason });
        item.Decision = decision;
        item.DecidedBy = actor;
        item.DecidedAt = _clock.GetUtcNow();
        // The block, its audit record and the decision commit together: a refused block leaves the item open.
        if (network is { } n)
            await SaveActiveAsync(db, n, ct);
        else
            await db.SaveChangesAsync(ct);
        // Checked after the commit, so that of two admins deciding the last two items at once, one closes the review.
        if (!await db.ReviewItems.AnyAsync(i => i.ReviewId == review.Id && i.Decision == null, ct))
        {
            review.ClosedAt = _clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
    }

    /// <inheritdoc/>
    public async Task<List<string>> DecideAllAsync(long reviewId, string decision, string actor, CancellationToken ct = default)
    {
        List<long> open;
        await using (var db = Open())
            open = await db.ReviewItems.Where(i => i.ReviewId == reviewId && i.Decision == null).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        var refused = new List<string>();
        foreach (var id in open)
        {
            try
            {
                await DecideAsync(id, decision, actor, ct);
            }
            catch (BlockRefusedException e)
            {
                refused.Add(e.Message);
            }
        }
        return refused;
    }
}
