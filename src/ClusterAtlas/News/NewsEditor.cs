using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.News;

/// <summary>
/// The life of a news item (decision 0022): written as a draft, submitted to the moderators (or published at once by
/// the platform team and by trusted profiles), published or sent back with a reason, changed and submitted again.
/// Each step saves its mail in the same SaveChanges.
/// </summary>
public sealed class NewsEditor(ClusterAtlasDbContext db, NewsAccess access, NewsMail mail, TimeProvider clock)
{
    public async Task<NewsItem> CreateAsync(ClusterOrganisation? profile, NewsInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var item = new NewsItem
        {
            Slug = await FreeSlugAsync(input.Title, cancellationToken),
            Title = input.Title,
            Summary = input.Summary,
            Body = input.Body,
            ProfileId = profile?.Id,
            AuthorUserId = user.UserId(),
            AuthorName = user.NameToShow(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(item);
        Apply(item, input);
        await db.SaveChangesAsync(cancellationToken);
        if (input.Image is not null)
        {
            db.Add(new NewsImage { NewsItemId = item.Id, Sha256 = input.Image.Sha256, ContentType = input.Image.ContentType, Content = input.Image.Content });
            await db.SaveChangesAsync(cancellationToken);
        }
        return item;
    }

    /// <summary>Saves a change; the item keeps its status and its address.</summary>
    public async Task UpdateAsync(NewsItem item, NewsInput input, CancellationToken cancellationToken)
    {
        item.Title = input.Title;
        item.Summary = input.Summary;
        item.Body = input.Body;
        item.UpdatedAt = clock.GetUtcNow();
        await db.Entry(item).Collection(n => n.RelatedProfiles).LoadAsync(cancellationToken);
        var stored = await db.Set<NewsImage>().SingleOrDefaultAsync(i => i.NewsItemId == item.Id, cancellationToken);
        if (stored is not null && (input.Image is not null || input.RemoveImage))
        {
            db.Remove(stored);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (input.Image is not null)
        {
            db.Add(new NewsImage { NewsItemId = item.Id, Sha256 = input.Image.Sha256, ContentType = input.Image.ContentType, Content = input.Image.Content });
        }
        Apply(item, input);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Sends the item on: the platform team and trusted profiles publish it, everyone else puts it in the moderators'
    /// queue (they are told by mail). Returns the status it has now.
    /// </summary>
    public async Task<NewsStatus> SubmitAsync(NewsItem item, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (item.Status == NewsStatus.Published)
        {
            return item.Status;
        }
        var now = clock.GetUtcNow();
        if (user.IsActingStaff() || (item.ProfileId is { } profileId && await access.IsTrustedAsync(profileId)))
        {
            Publish(item, now);
        }
        else
        {
            item.Status = NewsStatus.Submitted;
            item.SubmittedAt = now;
            var profileName = await db.ClusterOrganisations.Where(p => p.Id == item.ProfileId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
            await mail.SubmittedAsync(item, profileName);
        }
        await db.SaveChangesAsync(cancellationToken);
        return item.Status;
    }

    /// <summary>A moderator publishes a submitted item; its author is told.</summary>
    public async Task PublishAsync(NewsItem item, CancellationToken cancellationToken)
    {
        if (item.Status != NewsStatus.Submitted)
        {
            throw new InvalidOperationException($"Only submitted news is published by a moderator; this item is {item.Status}.");
        }
        Publish(item, clock.GetUtcNow());
        await mail.PublishedAsync(item, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A moderator sends an item back with the reason; its author is told and it leaves the public pages.</summary>
    public async Task SendBackAsync(NewsItem item, string reason, CancellationToken cancellationToken)
    {
        item.Status = NewsStatus.SentBack;
        item.SentBackReason = reason;
        item.UpdatedAt = clock.GetUtcNow();
        await mail.SentBackAsync(item, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Marks a profile as trusted to publish its news directly, or takes that back.</summary>
    public async Task SetTrustedAsync(int profileId, bool trusted, ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        var row = await db.Set<TrustedNewsProfile>().SingleOrDefaultAsync(t => t.ProfileId == profileId, cancellationToken);
        if (trusted && row is null)
        {
            db.Add(new TrustedNewsProfile { ProfileId = profileId, TrustedAt = clock.GetUtcNow(), TrustedBy = moderator.NameToShow() });
        }
        else if (!trusted && row is not null)
        {
            db.Remove(row);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Publish(NewsItem item, DateTimeOffset now)
    {
        item.Status = NewsStatus.Published;
        // Published once, dated once: a later correction does not bring it back to the top.
        item.PublishedAt ??= now;
        item.SentBackReason = null;
        item.UpdatedAt = now;
    }

    private static void Apply(NewsItem item, NewsInput input)
    {
        item.Tags = [.. input.Tags];
        item.RelatedProfiles.Clear();
        item.RelatedProfiles.AddRange(input.RelatedProfiles);
        if (input.Image is not null)
        {
            item.ImageSha256 = input.Image.Sha256;
        }
        else if (input.RemoveImage)
        {
            item.ImageSha256 = null;
        }
        item.ImageAlt = item.ImageSha256 is null ? null : input.ImageAlt;
        item.SearchText = SearchTextOf(item.Title, item.Summary, item.Body, item.Tags);
    }

    public static string SearchTextOf(string title, string summary, string body, IEnumerable<string> tags) =>
        string.Join(" ", new[] { title, summary, PostingText.Plain(body) }.Concat(tags).Select(TextFolding.MatchKey));

    /// <summary>The slug of the title, made unique with a number ("…-2") when another item has it; never changed afterwards.</summary>
    private async Task<string> FreeSlugAsync(string title, CancellationToken cancellationToken)
    {
        var basis = TextFolding.Slug(title);
        if (basis.Length == 0)
        {
            basis = "news";
        }
        basis = basis.Length > NewsItem.MaxSlugLength - 8 ? basis[..(NewsItem.MaxSlugLength - 8)].TrimEnd('-') : basis;
        var taken = await db.Set<NewsItem>().Where(n => n.Slug == basis || n.Slug.StartsWith(basis + "-")).Select(n => n.Slug).ToListAsync(cancellationToken);
        var slug = basis;
        for (var i = 2; taken.Contains(slug, StringComparer.Ordinal); i++)
        {
            slug = $"{basis}-{i}";
        }
        return slug;
    }
}
