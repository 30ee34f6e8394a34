using ClusterAtlas.Accounts;
using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Calls.Administration;

/// <summary>What the platform team's new and edit pages of a call share: the form, its choices and its checks.</summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public abstract class CallFormPageModel(CallEditor editor, CountryList countries, DataLabels labels, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty]
    public CallForm Form { get; set; } = new();

    public CallFormView View { get; private set; } = null!;

    protected CallEditor Editor => editor;

    protected async Task ShowAsync(FundingCall? call, CancellationToken cancellationToken) =>
        View = new CallFormView(Form, await editor.ChoosableTermsAsync(call, cancellationToken), countries, labels, call);

    /// <summary>Checks the posted form; false (with every error in the model state, the page ready to show, 400) when it is not valid.</summary>
    protected async Task<bool> ValidateAsync(FundingCall? call, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var terms = await editor.ChoosableTermsAsync(call, cancellationToken);
        foreach (var (field, message) in Form.Validate(terms, countries, T))
        {
            ModelState.AddModelError("Form." + field, message);
        }
        View = new CallFormView(Form, terms, countries, labels, call);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return ModelState.IsValid;
    }
}
