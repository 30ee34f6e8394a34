using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles.Logos;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.News;

/// <summary>
/// Changes a news item: its profile's editors while it is not published (or always, for a trusted profile), the
/// platform team always. Its address stays; a sent-back item is submitted again from here.
/// </summary>
[Authorize]
[RequestSizeLimit(2 * LogoFile.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * LogoFile.MaxBytes)]
public class EditNewsPageModel(ClusterAtlasDbContext db, NewsAccess access, NewsEditor editor, NewsChecks checks) : NewsFormPageModel(checks)
{
    public NewsItem Item { get; private set; } = null!;

    public NewsFormView View => new(Form, Item, PublishesDirectly, MayKeepDraft: Item.Status is NewsStatus.Draft or NewsStatus.SentBack);

    public async Task<IActionResult> OnGetAsync(string newsSlug, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(newsSlug, cancellationToken) is { } refused)
        {
            return refused;
        }
        Form = NewsForm.Of(Item, Item.RelatedProfiles.Select(p => p.Name));
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string newsSlug, CancellationToken cancellationToken) => SaveAsync(newsSlug, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(string newsSlug, CancellationToken cancellationToken) => SaveAsync(newsSlug, submit: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(string newsSlug, bool submit, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(newsSlug, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (await CheckAsync(Item, cancellationToken) is not { } input)
        {
            return Page();
        }
        await editor.UpdateAsync(Item, input, cancellationToken);
        var status = submit ? await editor.SubmitAsync(Item, User, cancellationToken) : Item.Status;
        return Redirect($"/news/{Item.Slug}?done={(submit ? status.ToString().ToLowerInvariant() : "saved")}");
    }

    private async Task<IActionResult?> AuthorizeAsync(string newsSlug, CancellationToken cancellationToken)
    {
        var item = await db.Set<NewsItem>().Include(n => n.Profile).Include(n => n.RelatedProfiles)
            .SingleOrDefaultAsync(n => n.Slug == newsSlug, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        if (!await access.MayEditAsync(User, item))
        {
            return Refuse();
        }
        Item = item;
        PublishesDirectly = User.IsActingStaff() || (item.ProfileId is { } profileId && await access.IsTrustedAsync(profileId));
        return null;
    }
}
