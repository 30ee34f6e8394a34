using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Notifications;

/// <summary>A person's notifications and their choices. Every method acts on the given person's rows only.</summary>
public sealed class NotificationCenter(ClusterAtlasDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    public async Task<(IReadOnlyList<Notification> Page, int Total)> ListAsync(string userId, int page, CancellationToken cancellationToken)
    {
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(n => n.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>Marks one of the person's notifications read; another person's id changes nothing.</summary>
    public Task<int> MarkReadAsync(string userId, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Set<Notification>().Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    public Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    /// <summary>Each kind with the person's choice (immediately when never chosen).</summary>
    public async Task<IReadOnlyDictionary<NotificationKind, NotificationDelivery>> PreferencesAsync(string userId, CancellationToken cancellationToken)
    {
        var chosen = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Kind, p => p.Delivery, cancellationToken);
        return NotificationWording.Kinds.ToDictionary(k => k, k => chosen.GetValueOrDefault(k, NotificationDelivery.Immediately));
    }

    /// <summary>Stores the choices given; kinds not given keep theirs.</summary>
    public async Task SetPreferencesAsync(string userId, IReadOnlyDictionary<NotificationKind, NotificationDelivery> choices, CancellationToken cancellationToken)
    {
        var rows = await db.Set<NotificationPreference>().Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        foreach (var (kind, delivery) in choices)
        {
            if (rows.FirstOrDefault(r => r.Kind == kind) is { } row)
            {
                row.Delivery = delivery;
            }
            else
            {
                db.Add(new NotificationPreference { UserId = userId, Kind = kind, Delivery = delivery });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What an unsubscribe link asks: no e-mail of its kind (of every kind, for the digest's link). False when the account is gone.</summary>
    public async Task<bool> UnsubscribeAsync(UnsubscribeRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == request.UserId, cancellationToken))
        {
            return false;
        }
        var kinds = request.Kind is { } kind ? [kind] : NotificationWording.Kinds;
        await SetPreferencesAsync(request.UserId, kinds.ToDictionary(k => k, _ => NotificationDelivery.NoEmail), cancellationToken);
        return true;
    }
}
