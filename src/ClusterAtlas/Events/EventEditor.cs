using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Events;

/// <summary>
/// Creates and changes events, and says who may: the organiser profile's administrators and colleagues (the profile's
/// own edit check) and the platform team. What the platform team enters is published at once; what others submit
/// waits for moderation, and an event sent back returns to the queue when its submitter changes it. A published
/// event's corrections by its organiser appear at once, as a published profile's do (decision 0023).
/// </summary>
public sealed class EventEditor(ClusterAtlasDbContext db, IAuthorizationService authorization, EventMail mail, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Moderators and administrators with two-factor authentication: the platform team.</summary>
    public async Task<bool> IsTeamAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, AccountPolicies.Moderator)).Succeeded;

    public async Task<bool> MayEditAsync(ClaimsPrincipal user, ClusterEvent e) =>
        await IsTeamAsync(user) || (e.OrganiserProfile is { } profile && await authorization.MayEditAsync(user, profile));

    /// <summary>The sector labels an event may take: the active terms of the sectoral industries, and those it has.</summary>
    public async Task<IReadOnlySet<string>> ChoosableSectorsAsync(ClusterEvent? e, CancellationToken cancellationToken)
    {
        var labels = await db.VocabularyTerms.AsNoTracking()
            .Where(t => t.Vocabulary == Vocabulary.SectoralIndustries && t.Status == TermStatus.Active)
            .OrderBy(t => t.SortOrder).Select(t => t.Label).ToListAsync(cancellationToken);
        var set = new SortedSet<string>(labels, StringComparer.Ordinal);
        set.UnionWith(e?.Sectors ?? []);
        return set;
    }

    /// <summary>Stores a validated form as a new event (saved, with its mail, in one SaveChanges).</summary>
    public async Task<ClusterEvent> CreateAsync(EventForm form, ClusterOrganisation? organiser, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var team = await IsTeamAsync(user);
        var now = Now;
        var e = new ClusterEvent
        {
            Slug = await NewSlugAsync(form.Title!, form.StartLocal.Year, cancellationToken),
            Title = "",
            Summary = "",
            Description = "",
            TimeZone = "",
            OrganiserProfileId = organiser?.Id,
            SubmittedByUserId = user.UserId(),
            SubmittedByName = user.FindFirstValue(ClaimTypes.Name) ?? user.Identity?.Name ?? "",
            CreatedAt = now,
            UpdatedAt = now,
            Status = team ? EventStatus.Published : EventStatus.Submitted,
            PublishedAt = team ? now : null,
        };
        Apply(e, form);
        db.Add(e);
        if (!team)
        {
            await mail.QueueSubmittedAsync(e, organiser?.Name, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return e;
    }

    /// <summary>Saves a validated form over a tracked event; one sent back goes to the queue again.</summary>
    public async Task UpdateAsync(ClusterEvent e, EventForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        Apply(e, form);
        e.UpdatedAt = Now;
        if (e.Status == EventStatus.SentBack && !await IsTeamAsync(user))
        {
            e.Status = EventStatus.Submitted;
            await mail.QueueSubmittedAsync(e, e.OrganiserProfile?.Name, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Apply(ClusterEvent e, EventForm form)
    {
        e.Kind = form.Kind!.Value;
        e.Title = form.Title!;
        e.Summary = form.Summary!;
        e.Description = form.Description!;
        e.TimeZone = EventTime.Zone(form.TimeZone)!.Id;
        e.StartLocal = form.StartLocal;
        e.EndLocal = form.EndLocal;
        e.StartsAt = form.StartsAt;
        e.EndsAt = form.EndsAt;
        e.IsOnline = form.IsOnline;
        e.Venue = form.Venue;
        e.City = form.City;
        e.CountryCode = form.CountryCode;
        e.RegistrationUrl = form.RegistrationUrl;
        e.Tags = [.. form.TagSlugs];
        e.Sectors = [.. form.Sectors];
        e.Countries = [.. form.Countries];
    }

    /// <summary>The title's slug and the year ("cluster-week-2027"), numbered when taken; the year keeps it clear of /events/calendar.ics and feed.atom.</summary>
    private async Task<string> NewSlugAsync(string title, int year, CancellationToken cancellationToken)
    {
        var stem = TextFolding.Slug(title);
        stem = stem.Length == 0 ? "event" : stem[..Math.Min(stem.Length, 90)].TrimEnd('-');
        var slug = $"{stem}-{year}";
        var taken = await db.Set<ClusterEvent>().Where(e => e.Slug.StartsWith(slug)).Select(e => e.Slug).ToListAsync(cancellationToken);
        for (var n = 2; taken.Contains(slug, StringComparer.Ordinal); n++)
        {
            slug = $"{stem}-{year}-{n}";
        }
        return slug;
    }
}
