using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// What members do with a posting: follow it, express interest on behalf of one of their cluster organisations (its
/// author is notified, with that profile linked), and comment, one level deep (the author and followers are notified). Moderators remove comments with a reason.
/// </summary>
public sealed class PostingActivity(ClusterAtlasDbContext db, Caching.CacheEviction cache, PartnerSearchMail mail, TimeProvider clock)
{
    public Task<bool> IsFollowingAsync(int postingId, string userId, CancellationToken cancellationToken) =>
        db.Set<PostingFollower>().AnyAsync(f => f.PostingId == postingId && f.UserId == userId, cancellationToken);

    public Task<int> FollowerCountAsync(int postingId, CancellationToken cancellationToken) =>
        db.Set<PostingFollower>().CountAsync(f => f.PostingId == postingId, cancellationToken);

    public async Task FollowAsync(int postingId, string userId, CancellationToken cancellationToken)
    {
        if (!await IsFollowingAsync(postingId, userId, cancellationToken))
        {
            db.Add(new PostingFollower { PostingId = postingId, UserId = userId, FollowedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A second click at the same moment: following once is what was asked.
                db.ChangeTracker.Clear();
                if (!await IsFollowingAsync(postingId, userId, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    public async Task UnfollowAsync(int postingId, string userId, CancellationToken cancellationToken)
    {
        await db.Set<PostingFollower>().Where(f => f.PostingId == postingId && f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        cache.Evict(Caching.ContentTags.Postings); // set-based: the change tracker never saw it
    }

    /// <summary>The published profiles <paramref name="userId"/> administers, apart from the posting's own.</summary>
    public async Task<IReadOnlyList<MemberProfile>> ProfilesToSpeakForAsync(string userId, int exceptProfileId, CancellationToken cancellationToken) =>
        await db.ProfileAdministrators.AsNoTracking()
            .Where(a => a.UserId == userId && a.ClusterOrganisationId != exceptProfileId && a.ClusterOrganisation.Status == ProfileStatus.Published)
            .OrderBy(a => a.ClusterOrganisation.Name)
            .Select(a => new MemberProfile(a.ClusterOrganisationId, a.ClusterOrganisation.Slug, a.ClusterOrganisation.Name))
            .ToListAsync(cancellationToken);

    public Task<bool> AdministersAsync(string userId, int profileId, CancellationToken cancellationToken) =>
        db.ProfileAdministrators.AnyAsync(a => a.UserId == userId && a.ClusterOrganisationId == profileId, cancellationToken);

    public Task<PostingInterest?> InterestOfAsync(int postingId, string userId, CancellationToken cancellationToken) =>
        db.Set<PostingInterest>().AsNoTracking().Include(i => i.Profile).SingleOrDefaultAsync(i => i.PostingId == postingId && i.UserId == userId, cancellationToken);

    public async Task<IReadOnlyList<InterestShown>> InterestsAsync(int postingId, CancellationToken cancellationToken) =>
        await db.Set<PostingInterest>().AsNoTracking()
            .Where(i => i.PostingId == postingId)
            .OrderBy(i => i.Id)
            .Select(i => new InterestShown(i.UserName, i.Profile.Slug, i.Profile.Name, i.Message, i.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Records the interest and notifies the posting's author (or, if their account is gone, the profile's administrators).</summary>
    public async Task<ActivityOutcome> ExpressInterestAsync(PartnerSearchPosting posting, ClaimsPrincipal member, int profileId, string? message, CancellationToken cancellationToken)
    {
        var userId = member.UserId()!;
        if (posting.Status != PostingStatus.Open)
        {
            return ActivityOutcome.NotOpen;
        }
        if (await AdministersAsync(userId, posting.ProfileId, cancellationToken))
        {
            return ActivityOutcome.OwnPosting;
        }
        var profiles = await ProfilesToSpeakForAsync(userId, posting.ProfileId, cancellationToken);
        if (profiles.FirstOrDefault(p => p.Id == profileId) is not { } profile)
        {
            return ActivityOutcome.NotYourProfile;
        }
        message = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        if (message?.Length > PostingInterest.MaxMessageLength)
        {
            return ActivityOutcome.Invalid;
        }
        if (await db.Set<PostingInterest>().AnyAsync(i => i.PostingId == posting.Id && i.UserId == userId, cancellationToken))
        {
            return ActivityOutcome.AlreadyInterested;
        }
        db.Add(new PostingInterest
        {
            PostingId = posting.Id,
            UserId = userId,
            UserName = member.NameToShow(),
            ProfileId = profile.Id,
            Message = message,
            CreatedAt = clock.GetUtcNow(),
        });
        // Saved with the interest: the author's notification (and its mail) exists exactly when the interest does.
        await mail.NotifyInterestAsync(posting, profile, message, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two clicks at once: the other one recorded it (and told the author).
            db.ChangeTracker.Clear();
            if (await db.Set<PostingInterest>().AnyAsync(i => i.PostingId == posting.Id && i.UserId == userId, cancellationToken))
            {
                return ActivityOutcome.AlreadyInterested;
            }
            throw;
        }
        return ActivityOutcome.Done;
    }

    public async Task WithdrawInterestAsync(int postingId, string userId, CancellationToken cancellationToken)
    {
        await db.Set<PostingInterest>().Where(i => i.PostingId == postingId && i.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        cache.Evict(Caching.ContentTags.Postings); // set-based: the change tracker never saw it
    }

    public Task<int> InterestCountAsync(int postingId, CancellationToken cancellationToken) =>
        db.Set<PostingInterest>().CountAsync(i => i.PostingId == postingId, cancellationToken);

    public async Task<IReadOnlyList<PostingComment>> CommentsAsync(int postingId, CancellationToken cancellationToken) =>
        await db.Set<PostingComment>().AsNoTracking().Where(c => c.PostingId == postingId).OrderBy(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>Adds a comment, or a reply: a reply to a reply answers that reply's comment (one level).</summary>
    public async Task<(ActivityOutcome Outcome, int? CommentId)> CommentAsync(PartnerSearchPosting posting, ClaimsPrincipal member, string? text, int? replyTo, CancellationToken cancellationToken)
    {
        if (posting.Status != PostingStatus.Open)
        {
            return (ActivityOutcome.NotOpen, null);
        }
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > PostingComment.MaxTextLength)
        {
            return (ActivityOutcome.Invalid, null);
        }
        int? parentId = null;
        if (replyTo is { } id)
        {
            var parent = await db.Set<PostingComment>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.PostingId == posting.Id, cancellationToken);
            if (parent is null)
            {
                return (ActivityOutcome.NotFound, null);
            }
            parentId = parent.ParentId ?? parent.Id;
        }
        var comment = new PostingComment
        {
            PostingId = posting.Id,
            ParentId = parentId,
            AuthorUserId = member.UserId(),
            AuthorName = member.NameToShow(),
            Text = text,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(comment);
        await mail.NotifyCommentAsync(posting, comment, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (ActivityOutcome.Done, comment.Id);
    }

    public Task<PostingComment?> FindCommentAsync(int postingId, int commentId, CancellationToken cancellationToken) =>
        db.Set<PostingComment>().SingleOrDefaultAsync(c => c.Id == commentId && c.PostingId == postingId, cancellationToken);

    /// <summary>Changes a comment's text, if its author asks within the edit window (checked again here, at the moment of saving).</summary>
    public async Task<ActivityOutcome> EditCommentAsync(PostingComment comment, string userId, string? text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!comment.MayBeEditedBy(userId, now))
        {
            return ActivityOutcome.EditWindowOver;
        }
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > PostingComment.MaxTextLength)
        {
            return ActivityOutcome.Invalid;
        }
        comment.Text = text;
        comment.EditedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return ActivityOutcome.Done;
    }

    /// <summary>A moderator removes a comment: its text is no longer shown, the reason is, and its author is told why.</summary>
    public async Task<ActivityOutcome> RemoveCommentAsync(PartnerSearchPosting posting, PostingComment comment, ClaimsPrincipal moderator, string? reason, CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > PostingComment.MaxReasonLength)
        {
            return ActivityOutcome.Invalid;
        }
        if (comment.IsRemoved)
        {
            return ActivityOutcome.Done;
        }
        var postingUrl = mail.PostingUrl(posting.Id);
        comment.RemovedAt = clock.GetUtcNow();
        comment.RemovedByName = moderator.NameToShow();
        comment.RemovalReason = reason;
        await mail.QueueCommentRemovedAsync(posting, comment, postingUrl, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ActivityOutcome.Done;
    }
}
