using System.Globalization;
using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Contact;

/// <summary>A profile of the sender's they may write for.</summary>
public sealed record SenderProfileChoice(int Id, string Name);

/// <summary>The limit a sender reached, and when they may write again.</summary>
public sealed record ContactLimitReached(int Limit, bool PerHour, DateTimeOffset RetryAt)
{
    /// <summary>The value of the Retry-After header: whole seconds until <see cref="RetryAt"/>, at least one.</summary>
    public string RetryAfterSeconds(DateTimeOffset now) =>
        Math.Max(1, (int)Math.Ceiling((RetryAt - now).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>What became of an answer: stored (no problem), refused with what is wrong, or refused by the answers' limit.</summary>
public sealed record ContactAnswerResult(string? Problem, ContactLimitReached? Limit = null);

public enum ContactOutcome { Sent, Invalid, NoAdministrators, OwnProfile, Blocked, RateLimited }

public sealed record ContactSendResult(ContactOutcome Outcome, int? RequestId = null, IReadOnlyList<(string Field, string Message)>? Errors = null, ContactLimitReached? Limit = null);

/// <summary>One line of the inbox.</summary>
public sealed record InboxEntry(int Id, string Subject, bool Sent, string OtherSide, string ProfileName, DateTimeOffset LastMessageAt, bool Unread, bool Reported);

/// <summary>A conversation as one of its two sides sees it.</summary>
public sealed record Conversation(ContactRequest Request, IReadOnlyList<ContactMessage> Messages, bool IAmSender, string ProfileSlug, string ProfileName, string? SenderProfileSlug, string? SenderProfileName);

/// <summary>
/// Contact requests from members to the administrators of a cluster organisation's profile: sending (checked, rate
/// limited per sender, refused to blocked senders, logged in the audit log), the inbox, answers from either side
/// (the other side is mailed), read marks and spam reports. Only the sender and the profile's current administrators
/// may open a conversation.
/// </summary>
public sealed class ContactRequests(ClusterAtlasDbContext db, ContactRequestMail mail, AuditLog audit, IOptions<ContactOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> T)
{
    public Task<bool> HasAdministratorsAsync(int profileId, CancellationToken cancellationToken) =>
        db.ProfileAdministrators.AnyAsync(a => a.ClusterOrganisationId == profileId, cancellationToken);

    public Task<bool> AdministersAsync(string userId, int profileId, CancellationToken cancellationToken) =>
        db.ProfileAdministrators.AnyAsync(a => a.UserId == userId && a.ClusterOrganisationId == profileId, cancellationToken);

    /// <summary>The published profiles <paramref name="userId"/> administers, apart from the one written to.</summary>
    public async Task<IReadOnlyList<SenderProfileChoice>> OwnProfilesAsync(string userId, int exceptProfileId, CancellationToken cancellationToken) =>
        await db.ProfileAdministrators.AsNoTracking()
            .Where(a => a.UserId == userId && a.ClusterOrganisationId != exceptProfileId && a.ClusterOrganisation.Status == ProfileStatus.Published)
            .OrderBy(a => a.ClusterOrganisation.Name)
            .Select(a => new SenderProfileChoice(a.ClusterOrganisationId, a.ClusterOrganisation.Name))
            .ToListAsync(cancellationToken);

    public Task<ContactBlock?> BlockOfAsync(string userId, CancellationToken cancellationToken) =>
        db.Set<ContactBlock>().AsNoTracking().SingleOrDefaultAsync(b => b.UserId == userId, cancellationToken);

    /// <summary>The first limit of new requests the sender has reached (per hour, then per day), or null when they may write.</summary>
    public Task<ContactLimitReached?> LimitReachedAsync(string userId, CancellationToken cancellationToken) =>
        FirstLimitReachedAsync(db.Set<ContactRequest>().AsNoTracking().Where(r => r.SenderUserId == userId).Select(r => r.CreatedAt),
            options.Value.RequestsPerHour, options.Value.RequestsPerDay, cancellationToken);

    /// <summary>
    /// The first limit of answers the member has reached (per hour, then per day), or null: answers in any
    /// conversation, from either side, counted from the stored messages that are not the first of their request.
    /// </summary>
    public Task<ContactLimitReached?> AnswerLimitReachedAsync(string userId, CancellationToken cancellationToken) =>
        FirstLimitReachedAsync(db.Set<ContactMessage>().AsNoTracking()
                .Where(m => m.AuthorUserId == userId
                    && !(m.FromSender && db.Set<ContactRequest>().Any(r => r.Id == m.RequestId && r.CreatedAt == m.CreatedAt)))
                .Select(m => m.CreatedAt),
            options.Value.AnswersPerHour, options.Value.AnswersPerDay, cancellationToken);

    private async Task<ContactLimitReached?> FirstLimitReachedAsync(IQueryable<DateTimeOffset> written, int perHour, int perDay, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var (limit, window, isHour) in new[] { (perHour, TimeSpan.FromHours(1), true), (perDay, TimeSpan.FromDays(1), false) })
        {
            var since = now - window;
            var recent = await written.Where(at => at > since).OrderByDescending(at => at).Take(limit).ToListAsync(cancellationToken);
            if (recent.Count >= limit)
            {
                // Writing is possible again when the oldest of the last <limit> messages leaves the window.
                return new ContactLimitReached(limit, isHour, recent[^1] + window);
            }
        }
        return null;
    }

    public async Task<ContactSendResult> SendAsync(ClaimsPrincipal member, ClusterOrganisation profile, ContactDraft draft, CancellationToken cancellationToken)
    {
        var userId = member.UserId()!;
        if (await AdministersAsync(userId, profile.Id, cancellationToken))
        {
            return new(ContactOutcome.OwnProfile);
        }
        if (await BlockOfAsync(userId, cancellationToken) is not null)
        {
            return new(ContactOutcome.Blocked);
        }
        var recipients = await RecipientsAsync(profile.Id, exceptUserId: null, cancellationToken);
        if (recipients.Count == 0)
        {
            return new(ContactOutcome.NoAdministrators);
        }
        var (errors, subject, text, times, senderProfile) = await CheckAsync(userId, profile.Id, draft, cancellationToken);
        if (errors.Count > 0)
        {
            return new(ContactOutcome.Invalid, Errors: errors);
        }
        if (await LimitReachedAsync(userId, cancellationToken) is { } limit)
        {
            audit.Add(ModerationActionKind.ContactRateLimited, profile.Name, profile.Id,
                string.Create(CultureInfo.InvariantCulture, $"{member.NameToShow()}: {limit.Limit} per {(limit.PerHour ? "hour" : "day")} reached; may write again at {limit.RetryAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"));
            await db.SaveChangesAsync(cancellationToken);
            return new(ContactOutcome.RateLimited, Limit: limit);
        }
        _ = mail.BaseUrl; // without a trusted address for links, nothing is stored and nothing sent
        var now = clock.GetUtcNow();
        var postingId = draft.PostingId is { } posting
            && await db.Set<PartnerSearchPosting>().AnyAsync(p => p.Id == posting && p.ProfileId == profile.Id, cancellationToken) ? posting : (int?)null;
        var request = new ContactRequest
        {
            ProfileId = profile.Id,
            SenderUserId = userId,
            SenderName = member.NameToShow(),
            SenderProfileId = senderProfile?.Id,
            PostingId = postingId,
            Subject = subject,
            ProposedTimes = times,
            CreatedAt = now,
            SenderLastWroteAt = now,
            SenderReadAt = now,
        };
        db.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(new ContactMessage { RequestId = request.Id, AuthorUserId = userId, AuthorName = request.SenderName, FromSender = true, Text = text, CreatedAt = now });
        audit.Add(ModerationActionKind.ContactRequestSent, profile.Name, profile.Id,
            string.Create(CultureInfo.InvariantCulture, $"Request {request.Id} from {AuditLog.AccountName(member.NameToShow(), member.Identity?.Name)}"));
        // The mail and the recipients' notifications are saved with the message: none of them exists without the others.
        var from = await PartyAsync(userId, cancellationToken);
        mail.QueueRequest(db, request, profile.Name, senderProfile?.Name, text, from, recipients, now);
        await db.SaveChangesAsync(cancellationToken);
        return new(ContactOutcome.Sent, request.Id);
    }

    private async Task<(List<(string, string)> Errors, string Subject, string Text, List<ContactProposedTime> Times, SenderProfileChoice? SenderProfile)> CheckAsync(
        string userId, int profileId, ContactDraft draft, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        var subject = draft.Subject?.Trim() ?? "";
        if (subject.Length == 0)
        {
            errors.Add((nameof(ContactDraft.Subject), T["Enter a subject."]));
        }
        else if (subject.Length > ContactRequest.MaxSubjectLength)
        {
            errors.Add((nameof(ContactDraft.Subject), T["The subject is longer than {0} characters.", ContactRequest.MaxSubjectLength]));
        }
        var text = CheckText(draft.Message, nameof(ContactDraft.Message), errors);
        var times = new List<ContactProposedTime>();
        if (draft.Times.Count(t => !string.IsNullOrWhiteSpace(t)) > ContactRequest.MaxProposedTimes)
        {
            errors.Add((nameof(ContactDraft.Times), T["Propose at most {0} meeting times.", ContactRequest.MaxProposedTimes]));
        }
        var filled = draft.Times.Take(ContactRequest.MaxProposedTimes).Select((value, index) => (value, index)).Where(t => !string.IsNullOrWhiteSpace(t.value)).ToList();
        var zone = ContactTimes.Zone(draft.TimeZone);
        if (filled.Count > 0 && zone is null)
        {
            errors.Add((nameof(ContactDraft.TimeZone), T["Choose the time zone of the proposed times."]));
        }
        foreach (var (value, index) in filled)
        {
            var field = $"{nameof(ContactDraft.Times)}[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (zone is null)
            {
                continue;
            }
            if (ContactTimes.Parse(value!, zone) is not { } moment)
            {
                errors.Add((field, T["Proposed time {0} is not a date and time such as 2027-01-14 10:00.", index + 1]));
            }
            else if (moment <= clock.GetUtcNow())
            {
                errors.Add((field, T["Proposed time {0} is in the past.", index + 1]));
            }
            else
            {
                times.Add(new ContactProposedTime { StartsAt = moment, TimeZoneId = zone.Id });
            }
        }
        SenderProfileChoice? senderProfile = null;
        if (draft.SenderProfileId is { } senderProfileId)
        {
            senderProfile = (await OwnProfilesAsync(userId, profileId, cancellationToken)).FirstOrDefault(p => p.Id == senderProfileId);
            if (senderProfile is null)
            {
                errors.Add((nameof(ContactDraft.SenderProfileId), T["You may write only for a published cluster organisation you administer."]));
            }
        }
        return (errors, subject, text, times, senderProfile);
    }

    private string CheckText(string? message, string field, List<(string, string)> errors)
    {
        var text = message?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add((field, T["Write a message."]));
        }
        else if (text.Length > ContactMessage.MaxTextLength)
        {
            errors.Add((field, T["The message is longer than {0} characters.", ContactMessage.MaxTextLength]));
        }
        return text;
    }

    /// <summary>The conversations <paramref name="userId"/> sent, and those to every profile they administer, newest first.</summary>
    public async Task<IReadOnlyList<InboxEntry>> InboxAsync(string userId, int count, CancellationToken cancellationToken)
    {
        var administered = db.ProfileAdministrators.Where(a => a.UserId == userId).Select(a => a.ClusterOrganisationId);
        var requests = await db.Set<ContactRequest>().AsNoTracking()
            .Where(r => r.SenderUserId == userId || administered.Contains(r.ProfileId))
            .Select(r => new { Request = r, ProfileName = r.Profile.Name })
            .ToListAsync(cancellationToken);
        return [.. requests
            .Select(r => r.Request.SenderUserId == userId
                ? new InboxEntry(r.Request.Id, r.Request.Subject, true, r.ProfileName, r.ProfileName, r.Request.LastMessageAt, r.Request.UnreadBySender, false)
                : new InboxEntry(r.Request.Id, r.Request.Subject, false, r.Request.SenderName, r.ProfileName, r.Request.LastMessageAt, r.Request.UnreadByRecipients, r.Request.ReportedAt is not null))
            .OrderByDescending(e => e.LastMessageAt).ThenByDescending(e => e.Id)
            .Take(count)];
    }

    public async Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken) =>
        (await InboxAsync(userId, int.MaxValue, cancellationToken)).Count(e => e.Unread);

    /// <summary>The conversation, when <paramref name="userId"/> is its sender or administers its profile now; else null.</summary>
    public async Task<Conversation?> OpenAsync(int requestId, string userId, CancellationToken cancellationToken)
    {
        var request = await db.Set<ContactRequest>().Include(r => r.Profile).Include(r => r.SenderProfile)
            .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return null;
        }
        var iAmSender = request.SenderUserId == userId;
        if (!iAmSender && !await AdministersAsync(userId, request.ProfileId, cancellationToken))
        {
            return null;
        }
        var messages = await db.Set<ContactMessage>().AsNoTracking().Where(m => m.RequestId == requestId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return new Conversation(request, messages, iAmSender, request.Profile.Slug, request.Profile.Name, request.SenderProfile?.Slug, request.SenderProfile?.Name);
    }

    /// <summary>Marks the conversation read for the reader's side.</summary>
    public async Task MarkReadAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (conversation.IAmSender)
        {
            conversation.Request.SenderReadAt = now;
        }
        else
        {
            conversation.Request.RecipientsReadAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// An answer from either side; the other side is mailed. Refused with what is wrong, or when the member reached
    /// the answers' limit (which the audit log records).
    /// </summary>
    public async Task<ContactAnswerResult> AnswerAsync(Conversation conversation, ClaimsPrincipal member, string? message, CancellationToken cancellationToken)
    {
        var userId = member.UserId()!;
        if (conversation.IAmSender && await BlockOfAsync(userId, cancellationToken) is not null)
        {
            return new(T["A moderator has blocked you from contact requests."]);
        }
        var errors = new List<(string, string)>();
        var text = CheckText(message, "Answer", errors);
        if (errors.Count > 0)
        {
            return new(errors[0].Item2);
        }
        if (await AnswerLimitReachedAsync(userId, cancellationToken) is { } limit)
        {
            audit.Add(ModerationActionKind.ContactRateLimited, conversation.ProfileName, conversation.Request.ProfileId,
                string.Create(CultureInfo.InvariantCulture, $"{member.NameToShow()}: {limit.Limit} answers per {(limit.PerHour ? "hour" : "day")} reached; may answer again at {limit.RetryAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"));
            await db.SaveChangesAsync(cancellationToken);
            return new(null, limit);
        }
        _ = mail.BaseUrl;
        var request = conversation.Request;
        var now = clock.GetUtcNow();
        db.Add(new ContactMessage { RequestId = request.Id, AuthorUserId = userId, AuthorName = member.NameToShow(), FromSender = conversation.IAmSender, Text = text, CreatedAt = now });
        if (conversation.IAmSender)
        {
            request.SenderLastWroteAt = now;
            request.SenderReadAt = now;
        }
        else
        {
            request.RecipientsLastWroteAt = now;
            request.RecipientsReadAt = now;
        }
        var from = await PartyAsync(userId, cancellationToken);
        IReadOnlyList<ContactParty> to = conversation.IAmSender
            ? await RecipientsAsync(request.ProfileId, exceptUserId: userId, cancellationToken)
            : request.SenderUserId is { } senderId && await db.Users.AsNoTracking().AnyAsync(u => u.Id == senderId && u.Email != null, cancellationToken)
                ? [await PartyAsync(senderId, cancellationToken)]
                : [];
        mail.QueueAnswer(db, request, text, from, to);
        await db.SaveChangesAsync(cancellationToken);
        return new(null);
    }

    /// <summary>A recipient reports the request as spam: moderators see it (and only then) on their page.</summary>
    public async Task ReportAsync(Conversation conversation, ClaimsPrincipal member, string? reason, CancellationToken cancellationToken)
    {
        var request = conversation.Request;
        if (request.ReportOpen)
        {
            return;
        }
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason?.Length > ContactRequest.MaxReasonLength)
        {
            reason = reason[..ContactRequest.MaxReasonLength];
        }
        request.ReportedAt = clock.GetUtcNow();
        request.ReportedByName = member.NameToShow();
        request.ReportReason = reason;
        request.ReportHandledAt = null;
        request.ReportHandledByName = null;
        request.ReportOutcome = null;
        audit.Add(ModerationActionKind.ContactReported, request.Profile.Name, request.ProfileId,
            string.Create(CultureInfo.InvariantCulture, $"Request {request.Id} from {request.SenderName}") + (reason is null ? "" : ": " + reason));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The profile's administrators with an e-mail address, but <paramref name="exceptUserId"/>.</summary>
    private async Task<IReadOnlyList<ContactParty>> RecipientsAsync(int profileId, string? exceptUserId, CancellationToken cancellationToken) =>
        await db.ProfileAdministrators.AsNoTracking()
            .Where(a => a.ClusterOrganisationId == profileId && a.User.Email != null && a.UserId != exceptUserId)
            .OrderBy(a => a.AddedAt)
            .Select(a => new ContactParty(a.UserId, a.User.Email!, a.User.DisplayName, a.User.PreferredLanguage))
            .ToListAsync(cancellationToken);

    private async Task<ContactParty> PartyAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new ContactParty(u.Id, u.Email!, u.DisplayName, u.PreferredLanguage)).SingleAsync(cancellationToken);
}
