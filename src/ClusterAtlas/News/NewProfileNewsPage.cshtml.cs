using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Logos;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.News;

/// <summary>
/// Community news, written on behalf of a cluster organisation by those who may edit its profile (checked on the
/// server for the page and the posts). Only a published profile submits news: the item links to its page.
/// </summary>
[Authorize]
[RequestSizeLimit(2 * LogoFile.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * LogoFile.MaxBytes)]
public class NewProfileNewsPageModel(ClusterAtlasDbContext db, IAuthorizationService authorization, NewsAccess access, NewsEditor editor, NewsChecks checks)
    : NewsFormPageModel(checks)
{
    public ClusterOrganisation Profile { get; private set; } = null!;

    public bool IsPublished => Profile.Status == ProfileStatus.Published;

    public NewsFormView View => new(Form, null, PublishesDirectly, MayKeepDraft: true);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await AuthorizeAsync(slug, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken) => SaveAsync(slug, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(string slug, CancellationToken cancellationToken) => SaveAsync(slug, submit: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(string slug, bool submit, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!IsPublished)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (await CheckAsync(null, cancellationToken) is not { } input)
        {
            return Page();
        }
        var item = await editor.CreateAsync(Profile, input, User, cancellationToken);
        var status = submit ? await editor.SubmitAsync(item, User, cancellationToken) : item.Status;
        return Redirect($"/news/{item.Slug}?done={status.ToString().ToLowerInvariant()}");
    }

    private async Task<IActionResult?> AuthorizeAsync(string slug, CancellationToken cancellationToken)
    {
        var (profile, refusal) = await this.FindEditableProfileAsync(db, authorization, slug, cancellationToken);
        if (profile is null)
        {
            return refusal;
        }
        Profile = profile;
        PublishesDirectly = User.IsActingStaff() || await access.IsTrustedAsync(profile.Id);
        return null;
    }
}
