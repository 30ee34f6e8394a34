using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles.Logos;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.News;

/// <summary>Editorial news, written and published directly by the platform team (no submitting profile).</summary>
[Authorize(Policy = AccountPolicies.Moderator)]
[RequestSizeLimit(2 * LogoFile.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * LogoFile.MaxBytes)]
public class NewEditorialNewsPageModel(NewsEditor editor, NewsChecks checks) : NewsFormPageModel(checks)
{
    public NewsFormView View => new(Form, null, PublishesDirectly: true, MayKeepDraft: true);

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => SaveAsync(submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) => SaveAsync(submit: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken cancellationToken)
    {
        if (await CheckAsync(null, cancellationToken) is not { } input)
        {
            return Page();
        }
        var item = await editor.CreateAsync(null, input, User, cancellationToken);
        var status = submit ? await editor.SubmitAsync(item, User, cancellationToken) : item.Status;
        return Redirect($"/news/{item.Slug}?done={status.ToString().ToLowerInvariant()}");
    }
}
