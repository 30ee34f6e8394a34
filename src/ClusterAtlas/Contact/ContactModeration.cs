using System.Globalization;
using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Contact;

/// <summary>A reported request as moderators see it: the request, its messages, and whether its sender is blocked.</summary>
public sealed record ReportedRequest(ContactRequest Request, IReadOnlyList<ContactMessage> Messages, string? SenderAccount, bool SenderBlocked);

/// <summary>A sender barred from contact requests, as the moderators' page lists them.</summary>
public sealed record BlockedSender(string UserId, string Account, string Reason, string BlockedByName, DateTimeOffset BlockedAt);

/// <summary>
/// The moderators' side of contact requests: they see only what recipients reported, dismiss a report or block its
/// sender from contact requests (with a reason), and lift a block; each decision is in the audit log.
/// </summary>
public sealed class ContactModeration(ClusterAtlasDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReportedRequest>> OpenReportsAsync(CancellationToken cancellationToken)
    {
        var requests = await db.Set<ContactRequest>().AsNoTracking().Include(r => r.Profile)
            .Where(r => r.ReportedAt != null && r.ReportHandledAt == null)
            .OrderBy(r => r.ReportedAt).Take(100).ToListAsync(cancellationToken);
        var ids = requests.Select(r => r.Id).ToList();
        var messages = (await db.Set<ContactMessage>().AsNoTracking().Where(m => ids.Contains(m.RequestId)).OrderBy(m => m.Id).ToListAsync(cancellationToken))
            .ToLookup(m => m.RequestId);
        var senderIds = requests.Select(r => r.SenderUserId).OfType<string>().Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => senderIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => AuditLog.AccountName(u.DisplayName, u.Email), cancellationToken);
        var blocked = (await db.Set<ContactBlock>().AsNoTracking().Where(b => senderIds.Contains(b.UserId)).Select(b => b.UserId).ToListAsync(cancellationToken)).ToHashSet();
        return [.. requests.Select(r => new ReportedRequest(r, [.. messages[r.Id]],
            r.SenderUserId is { } id ? accounts.GetValueOrDefault(id) : null, r.SenderUserId is { } sender && blocked.Contains(sender)))];
    }

    public async Task<IReadOnlyList<BlockedSender>> BlocksAsync(CancellationToken cancellationToken) =>
        await db.Set<ContactBlock>().AsNoTracking()
            .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new { b, u.DisplayName, u.Email })
            .OrderByDescending(x => x.b.BlockedAt)
            .Select(x => new BlockedSender(x.b.UserId, AuditLog.AccountName(x.DisplayName, x.Email), x.b.Reason, x.b.BlockedByName, x.b.BlockedAt))
            .ToListAsync(cancellationToken);

    private Task<ContactRequest?> OpenReportAsync(int requestId, CancellationToken cancellationToken) =>
        db.Set<ContactRequest>().Include(r => r.Profile).SingleOrDefaultAsync(r => r.Id == requestId && r.ReportedAt != null && r.ReportHandledAt == null, cancellationToken);

    /// <summary>The report was not spam: it leaves the list. False when there is no such open report.</summary>
    public async Task<bool> DismissAsync(int requestId, ClaimsPrincipal moderator, string? note, CancellationToken cancellationToken)
    {
        if (await OpenReportAsync(requestId, cancellationToken) is not { } request)
        {
            return false;
        }
        Handle(request, moderator, ContactReportOutcome.Dismissed);
        audit.Add(ModerationActionKind.ContactReportDismissed, request.Profile.Name, request.ProfileId,
            string.Create(CultureInfo.InvariantCulture, $"Request {request.Id} from {request.SenderName}") + (string.IsNullOrWhiteSpace(note) ? "" : ": " + note.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The sender may no longer send contact requests or answers; the report is closed. False when there is no such open report or no sender.</summary>
    public async Task<bool> BlockSenderAsync(int requestId, ClaimsPrincipal moderator, string reason, CancellationToken cancellationToken)
    {
        if (await OpenReportAsync(requestId, cancellationToken) is not { SenderUserId: { } senderId } request)
        {
            return false;
        }
        if (!await db.Set<ContactBlock>().AnyAsync(b => b.UserId == senderId, cancellationToken))
        {
            db.Add(new ContactBlock { UserId = senderId, Reason = reason, BlockedByName = moderator.NameToShow(), BlockedAt = clock.GetUtcNow(), RequestId = request.Id });
        }
        Handle(request, moderator, ContactReportOutcome.SenderBlocked);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == senderId).Select(u => AuditLog.AccountName(u.DisplayName, u.Email)).SingleAsync(cancellationToken);
        audit.Add(ModerationActionKind.ContactSenderBlocked, account, request.ProfileId,
            string.Create(CultureInfo.InvariantCulture, $"Request {request.Id}: {reason}"));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> UnblockAsync(string userId, string reason, CancellationToken cancellationToken)
    {
        var block = await db.Set<ContactBlock>().SingleOrDefaultAsync(b => b.UserId == userId, cancellationToken);
        if (block is null)
        {
            return false;
        }
        db.Remove(block);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => AuditLog.AccountName(u.DisplayName, u.Email)).SingleAsync(cancellationToken);
        audit.Add(ModerationActionKind.ContactSenderUnblocked, account, detail: reason);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private void Handle(ContactRequest request, ClaimsPrincipal moderator, ContactReportOutcome outcome)
    {
        request.ReportHandledAt = clock.GetUtcNow();
        request.ReportHandledByName = moderator.NameToShow();
        request.ReportOutcome = outcome;
    }
}
