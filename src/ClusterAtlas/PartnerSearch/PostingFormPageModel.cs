using ClusterAtlas.Accounts;
using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>What the new and edit pages share: the form, its choices and its checks.</summary>
public abstract class PostingFormPageModel(PostingEditor editor, CountryList countries, DataLabels labels, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty]
    public PostingForm Form { get; set; } = new();

    public PostingFormView View { get; private set; } = null!;

    protected PostingEditor Editor => editor;

    protected async Task ShowAsync(ClusterOrganisation profile, PartnerSearchPosting? posting, CancellationToken cancellationToken) =>
        View = new PostingFormView(Form, await editor.ChoosableTermsAsync(posting, cancellationToken), countries, labels) { Profile = profile, Posting = posting };

    /// <summary>Checks the posted form; false (with every error in the model state and the page ready to show) when it is not valid.</summary>
    protected async Task<bool> ValidateAsync(ClusterOrganisation profile, PartnerSearchPosting? posting, CancellationToken cancellationToken)
    {
        // The form's own checks replace model binding's (a value that did not bind is reported by the checks below).
        ModelState.Clear();
        var terms = await editor.ChoosableTermsAsync(posting, cancellationToken);
        foreach (var (field, message) in Form.Validate(terms, countries, editor.Today, T))
        {
            ModelState.AddModelError(field, message);
        }
        View = new PostingFormView(Form, terms, countries, labels) { Profile = profile, Posting = posting };
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return ModelState.IsValid;
    }

    /// <summary>Anonymous visitors are sent to sign in; signed-in people who may not are refused.</summary>
    protected IActionResult Refuse() => this.Refusal();
}
